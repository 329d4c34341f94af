import type { AdminRole } from "@/lib/generated/prisma/enums";

export const ADMIN_ROLES = ["SUPER_ADMIN", "RISK", "FINANCE", "OPERATIONS", "SUPPORT"] as const satisfies readonly AdminRole[];

const ALL = ADMIN_ROLES;

/**
 * The permission matrix for administrators: for each permission an administrator can hold, the sub-roles
 * that hold it. A super admin holds every one. A permission open to administrators in PERMISSIONS
 * (lib/auth/permissions.ts) but missing here is held by super admins only: nothing is granted by default.
 * docs/admin.md has the same matrix in words.
 */
export const ADMIN_GRANTS: Record<string, readonly AdminRole[]> = {
  // Everyone's own things.
  "admin.view": ALL,
  "profile.set_locale": ALL,
  "account.change_password": ALL,
  "notifications.read": ALL,
  // Reading what customers ask about.
  "orders.view_all": ALL,
  "disputes.view_all": ["SUPER_ADMIN", "RISK", "OPERATIONS", "SUPPORT"],
  "merchant.view": ["SUPER_ADMIN", "RISK", "OPERATIONS", "SUPPORT"],
  "users.view": ["SUPER_ADMIN", "OPERATIONS", "SUPPORT"],
  "outbox.view": ["SUPER_ADMIN", "OPERATIONS", "SUPPORT"],
  // Deciding.
  "disputes.take_part": ["SUPER_ADMIN", "RISK", "OPERATIONS"],
  "disputes.decide": ["SUPER_ADMIN", "RISK", "OPERATIONS"],
  "merchant.review": ["SUPER_ADMIN", "RISK", "OPERATIONS"],
  // Money and thresholds.
  "overview.view": ["SUPER_ADMIN", "RISK", "FINANCE", "OPERATIONS"],
  "settings.view": ["SUPER_ADMIN", "RISK", "FINANCE"],
  "settings.update": ["SUPER_ADMIN", "RISK", "FINANCE"],
  "audit.view": ["SUPER_ADMIN", "RISK", "FINANCE"],
  "fund.view": ["SUPER_ADMIN", "RISK", "FINANCE"],
  "fund.rate": ["SUPER_ADMIN", "FINANCE"],
  "credit.view": ["SUPER_ADMIN", "RISK", "FINANCE"],
  "credit.review": ["SUPER_ADMIN", "RISK"],
  // Administrators themselves.
  "admin.create_admin": ["SUPER_ADMIN"],
  "admin.manage_roles": ["SUPER_ADMIN"],
};

export function adminMay(adminRole: AdminRole | null | undefined, permission: string): boolean {
  if (!adminRole) return false;
  if (adminRole === "SUPER_ADMIN") return true;
  return Object.hasOwn(ADMIN_GRANTS, permission) && ADMIN_GRANTS[permission].includes(adminRole);
}
