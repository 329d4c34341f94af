import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what. A permission or role missing from this table is refused: nothing is allowed by default.
 * Domain functions check the role again (lib/auth/actor.ts).
 */
const PERMISSIONS = {
  "wallet.view": ["BUYER", "MERCHANT"],
  "wallet.top_up": ["BUYER", "MERCHANT"],
  "wallet.withdraw": ["BUYER", "MERCHANT"],
  "admin.view": ["ADMIN"],
  "admin.create_admin": ["ADMIN"],
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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission | string): boolean {
  if (!role) return false;
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS as Record<string, readonly Role[]>)[permission].includes(role);
}

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
