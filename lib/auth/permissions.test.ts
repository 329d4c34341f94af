import { describe, expect, it } from "vitest";
import { areaOf, canEnterArea, can, homeFor } from "./permissions";

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
    expect(can("ADMIN", "admin.drop_everything")).toBe(false);
    expect(can(undefined, "wallet.view")).toBe(false);
    expect(can("ADMIN", "wallet.top_up")).toBe(false);
    expect(can("BUYER", "admin.create_admin")).toBe(false);
    expect(can("MERCHANT", "admin.view")).toBe(false);
    expect(can("BUYER", "wallet.top_up")).toBe(true);
    expect(can("ADMIN", "admin.create_admin")).toBe(true);
  });

  it("looks keys up only among its own entries: Object.prototype names are no area and no permission", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(areaOf(`/${name}/x`), name).toBeNull();
      expect(can("ADMIN", name), name).toBe(false);
    }
  });

  it("sends each role to its own home", () => {
    expect(homeFor("ADMIN")).toBe("/admin");
    expect(homeFor("MERCHANT")).toBe("/merchant");
    expect(homeFor("BUYER")).toBe("/buyer");
  });
});
