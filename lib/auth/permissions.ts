import type { AdminRole, Role } from "@/lib/generated/prisma/enums";
import { adminMay } from "./admin-roles";

/**
 * Who may do what. A permission or role missing from this table is refused: nothing is allowed by default.
 * For administrators, the sub-role must also hold the permission (lib/auth/admin-roles.ts). Domain functions
 * check again (lib/auth/actor.ts).
 */
const PERMISSIONS = {
  "wallet.view": ["BUYER", "MERCHANT"],
  "wallet.top_up": ["BUYER", "MERCHANT"],
  "wallet.withdraw": ["BUYER", "MERCHANT"],
  "admin.view": ["ADMIN"],
  "admin.create_admin": ["ADMIN"],
  "admin.manage_roles": ["ADMIN"],
  "overview.view": ["ADMIN"],
  "orders.view_all": ["ADMIN"],
  "disputes.view_all": ["ADMIN"],
  "merchant.view": ["ADMIN"],
  "users.view": ["ADMIN"],
  "outbox.view": ["ADMIN"],
  "settings.view": ["ADMIN"],
  "fund.view": ["ADMIN"],
  "fund.rate": ["ADMIN"],
  "profile.set_locale": ["BUYER", "MERCHANT", "ADMIN"],
  "account.change_password": ["BUYER", "MERCHANT", "ADMIN"],
  "account.shop_name": ["MERCHANT"],
  "notifications.read": ["BUYER", "MERCHANT", "ADMIN"],
  "onboarding.edit": ["MERCHANT"],
  "orders.manage": ["MERCHANT"],
  "orders.buy": ["BUYER"],
  "disputes.take_part": ["BUYER", "MERCHANT", "ADMIN"],
  "disputes.open": ["BUYER"],
  "disputes.decide": ["ADMIN"],
  "merchant.review": ["ADMIN"],
  "settings.update": ["ADMIN"],
  "audit.view": ["ADMIN"],
  // Subscribe, redeem, auto-sweep: the holder's own fund (lib/fund/holder.ts refuses merchants not yet approved).
  "fund.hold": ["BUYER", "MERCHANT"],
  "credit.borrow": ["MERCHANT"],
  "credit.view": ["ADMIN"],
  "credit.review": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is asking: a role, and for an administrator the sub-role. */
export type Who = { role: Role; adminRole?: AdminRole | null };

export function can(who: Who | null | undefined, permission: Permission | string): boolean {
  if (!who) return false;
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  if (!(PERMISSIONS as Record<string, readonly Role[]>)[permission].includes(who.role)) return false;
  return who.role !== "ADMIN" || adminMay(who.adminRole, permission);
}

/** Every permission name, for the tests that walk the matrix. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];
export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

/** Each area of the portal and the one role that may enter it. */
export const AREAS = { buyer: "BUYER", merchant: "MERCHANT", admin: "ADMIN" } as const satisfies Record<string, Role>;
export type Area = keyof typeof AREAS;

export function areaOf(pathname: string): Area | null {
  const first = pathname.split("/")[1];
  // Own keys only: "/constructor" or "/__proto__" is no area (`in` would find them on Object.prototype).
  return first && Object.hasOwn(AREAS, first) ? (first as Area) : null;
}

export const canEnterArea = (role: Role | null | undefined, area: Area) => role === AREAS[area];

/** Where a signed-in user lands. */
export const homeFor = (role: Role) => (role === "ADMIN" ? "/admin" : role === "MERCHANT" ? "/merchant" : "/buyer");
