import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "https://pay.anxin.test";
const follow = (value: unknown) => safeRedirectPath(value, ORIGIN);

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(follow("/buyer/wallet")).toBe("/buyer/wallet");
    expect(follow("/pay/abc%2Fdef?x=1#top")).toBe("/pay/abc%2Fdef?x=1#top");
    expect(follow("/merchant/orders?status=PAID&page=2")).toBe("/merchant/orders?status=PAID&page=2");
  });

  it("refuses every value that a browser would resolve to another site", () => {
    const hostile = [
      "//evil.test/x",
      "/\\evil.test/x",
      "/\\/evil.test",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "/\t\\evil.test",
      "/.//evil.test",
      "/./\\evil.test",
      "https://evil.test/",
      "https:evil.test",
      "javascript:alert(1)",
      "\\\\evil.test",
      " /\\evil.test",
      "evil.test",
      "",
    ];
    for (const value of hostile) expect(follow(value), JSON.stringify(value)).toBeUndefined();
  });

  it("refuses what is not a string, and absurdly long values", () => {
    expect(follow(undefined)).toBeUndefined();
    expect(follow(["/buyer"])).toBeUndefined();
    expect(follow(`/${"a".repeat(5000)}`)).toBeUndefined();
  });

  it("returns the parsed path, not the raw input: tabs and newlines inside a path are gone", () => {
    expect(follow("/buyer\t/wallet")).toBe("/buyer/wallet");
    expect(follow("/buyer/../admin")).toBe("/admin");
    expect(follow("/a\\b")).toBe("/a/b");
  });

  it("every accepted value stays on the origin when a browser resolves it", () => {
    const samples = ["/x", "/x?y=//evil.test", "/%2F%2Fevil.test", "/x#//evil.test", "/;//evil.test", "/@evil.test"];
    for (const value of samples) {
      const path = follow(value);
      expect(path, value).toBeDefined();
      expect(new URL(path!, ORIGIN).origin, value).toBe(ORIGIN);
      expect(new URL(path!, "http://other.test").origin, value).toBe("http://other.test");
    }
  });
});
