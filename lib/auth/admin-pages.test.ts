import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, appRoutes } from "@/tests/app-routes";
import { PERMISSION_NAMES } from "./permissions";

/**
 * Every admin page checks its own permission (requireAdmin), so a page added for one sub-role cannot be
 * opened by every administrator because its author only thought of the area guard.
 */
describe("admin pages", () => {
  const pages = appRoutes().filter((r) => r.kind === "page" && r.pattern.startsWith("/admin"));

  it("each calls requireAdmin with a permission the table knows", () => {
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const page of pages) {
      const source = readFileSync(path.join(PROJECT_ROOT, page.file), "utf8");
      const calls = [...source.matchAll(/requireAdmin\("([^"]+)"\)/g)].map((m) => m[1]);
      if (calls.length === 0) problems.push(`${page.pattern}: no requireAdmin("…")`);
      for (const permission of calls) if (!PERMISSION_NAMES.includes(permission as never)) problems.push(`${page.pattern}: unknown permission ${permission}`);
    }
    expect(problems).toEqual([]);
  });
});
