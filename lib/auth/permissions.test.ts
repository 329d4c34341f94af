import { describe, expect, it } from "vitest";
import { ADMIN_GRANTS, ADMIN_ROLES } from "./admin-roles";
import { PERMISSION_NAMES, areaOf, canEnterArea, can, homeFor, rolesFor } from "./permissions";

const SUPER = { role: "ADMIN", adminRole: "SUPER_ADMIN" } as const;

describe("permission table", () => {
  it("lets each area in only its own role", () => {
    expect(areaOf("/admin/users")).toBe("admin");
    expect(areaOf("/merchant")).toBe("merchant");
    expect(areaOf("/buyer/wallet")).toBe("buyer");
    expect(areaOf("/login")).toBeNull();
    expect(areaOf("/administrator")).toBeNull();
    for (const role of ["BUYER", "MERCHANT", "ADMIN"] as const) {
      expect(canEnterArea(role, "admin")).toBe(role === "ADMIN");
      expect(canEnterArea(role, "merchant")).toBe(role === "MERCHANT");
      expect(canEnterArea(role, "buyer")).toBe(role === "BUYER");
    }
    expect(canEnterArea(undefined, "buyer")).toBe(false);
  });

  it("refuses unknown permissions and missing roles instead of allowing by default", () => {
    expect(can(SUPER, "admin.drop_everything")).toBe(false);
    expect(can(undefined, "wallet.view")).toBe(false);
    expect(can(SUPER, "wallet.top_up")).toBe(false);
    expect(can({ role: "BUYER" }, "admin.create_admin")).toBe(false);
    expect(can({ role: "MERCHANT" }, "admin.view")).toBe(false);
    expect(can({ role: "BUYER" }, "wallet.top_up")).toBe(true);
    expect(can(SUPER, "admin.create_admin")).toBe(true);
    // An administrator without a sub-role holds nothing.
    expect(can({ role: "ADMIN" }, "admin.view")).toBe(false);
    expect(can({ role: "ADMIN", adminRole: null }, "admin.view")).toBe(false);
  });

  it("looks keys up only among its own entries: Object.prototype names are no area and no permission", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(areaOf(`/${name}/x`), name).toBeNull();
      expect(can(SUPER, name), name).toBe(false);
    }
  });

  it("sends each role to its own home", () => {
    expect(homeFor("ADMIN")).toBe("/admin");
    expect(homeFor("MERCHANT")).toBe("/merchant");
    expect(homeFor("BUYER")).toBe("/buyer");
  });

});

describe("administrator sub-roles", () => {
  const adminPermissions = PERMISSION_NAMES.filter((p) => rolesFor(p).includes("ADMIN"));

  it("every permission open to administrators is in the matrix, and the matrix names no other", () => {
    expect(adminPermissions.filter((p) => !Object.hasOwn(ADMIN_GRANTS, p))).toEqual([]);
    expect(Object.keys(ADMIN_GRANTS).filter((p) => !adminPermissions.includes(p as never))).toEqual([]);
  });

  // One case per permission: each sub-role either holds it (as the matrix says) or is refused.
  for (const permission of PERMISSION_NAMES.filter((p) => rolesFor(p).includes("ADMIN"))) {
    it(`${permission}: held by ${ADMIN_GRANTS[permission]?.join(", ")}, refused to every other sub-role`, () => {
      for (const adminRole of ADMIN_ROLES) {
        expect(can({ role: "ADMIN", adminRole }, permission), `${adminRole} ${permission}`).toBe(adminRole === "SUPER_ADMIN" || ADMIN_GRANTS[permission].includes(adminRole));
      }
      expect(can(SUPER, permission)).toBe(true);
    });
  }

  it("only super admins manage administrators; support changes nothing", () => {
    for (const adminRole of ADMIN_ROLES) {
      expect(can({ role: "ADMIN", adminRole }, "admin.manage_roles")).toBe(adminRole === "SUPER_ADMIN");
      expect(can({ role: "ADMIN", adminRole }, "admin.create_admin")).toBe(adminRole === "SUPER_ADMIN");
    }
    const changes = ["disputes.decide", "disputes.take_part", "merchant.review", "settings.update"] as const;
    for (const p of changes) expect(can({ role: "ADMIN", adminRole: "SUPPORT" }, p), p).toBe(false);
  });
});
