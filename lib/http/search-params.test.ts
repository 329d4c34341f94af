import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ORDER_QUERY, toOrderFilters } from "@/lib/escrow/filters";
import { appFiles } from "@/tests/app-routes";
import { bigintCursor, calendarDay, idCursor, intBetween, localPath, oneOf, parseQuery, readSearchParams, searchText } from "./search-params";

const QUERY = { q: searchText(20), status: oneOf(["PAID", "SHIPPED"]), cursor: bigintCursor, from: calendarDay, step: intBetween(1, 5), next: localPath, user: idCursor };

describe("query parameters", () => {
  it("keeps the parameters that parse", () => {
    expect(readSearchParams({ q: "  茶  ", status: "PAID", cursor: "42", from: "2026-02-28", step: "3", next: "/pay/abc", user: "ckx1" }, QUERY)).toEqual({
      q: "茶",
      status: "PAID",
      cursor: "42",
      from: "2026-02-28",
      step: 3,
      next: "/pay/abc",
      user: "ckx1",
    });
  });

  it("ignores a repeated parameter on a page, as if it were absent", () => {
    expect(readSearchParams({ q: ["a", "b"], status: "PAID" }, QUERY)).toEqual({ status: "PAID" });
    expect(readSearchParams(new URLSearchParams("q=a&q=b&status=PAID"), QUERY)).toEqual({ status: "PAID" });
  });

  it("ignores control characters, huge values, unknown values and parameters it does not know", () => {
    const bad = { q: "a\u0000b", status: "DROP TABLE", cursor: "1".repeat(5_000), from: "2026-02-31", step: "1e309", next: "//evil.example", user: "x%00", other: "\u0000" };
    expect(readSearchParams(bad, QUERY)).toEqual({});
    expect(readSearchParams({ q: "x".repeat(21) }, QUERY)).toEqual({});
    expect(readSearchParams({ q: "   " }, QUERY)).toEqual({});
  });

  it("accepts only cursors that fit a bigint column and days that exist between 2000 and 2100", () => {
    expect(bigintCursor.safeParse("9223372036854775807").success).toBe(true);
    expect(bigintCursor.safeParse("9223372036854775808").success).toBe(false);
    for (const bad of ["0", "-1", "01", "1.5", ""]) expect(bigintCursor.safeParse(bad).success).toBe(false);
    for (const bad of ["0000-01-01", "2026-13-01", "2026-02-29", "99999-01-01", "2026-1-1"]) expect(calendarDay.safeParse(bad).success).toBe(false);
    expect(calendarDay.safeParse("2028-02-29").success).toBe(true);
  });

  it("never follows a path to another site after sign-in", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "/a\u0000"]) expect(localPath.safeParse(bad).success).toBe(false);
  });

  it("answers a route handler's bad parameter with a 400 naming it", async () => {
    const repeated = parseQuery("http://x/api?q=a&q=b", QUERY);
    expect(repeated.ok).toBe(false);
    if (!repeated.ok) {
      expect(repeated.response.status).toBe(400);
      expect(await repeated.response.text()).toContain('"q" is repeated');
    }
    const invalid = parseQuery("http://x/api?from=2026-02-31", QUERY);
    expect(!invalid.ok && invalid.response.status).toBe(400);
    expect(parseQuery("http://x/api?status=PAID&utm_source=mail", QUERY)).toEqual({ ok: true, data: { status: "PAID" } });
  });

  it("turns the orders query into filters whose 'to' day is included", () => {
    const filters = toOrderFilters(readSearchParams({ from: "2026-03-01", to: "2026-03-01", sort: "total_desc", status: "bogus" }, ORDER_QUERY));
    expect(filters.from?.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(filters.to?.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(filters.sort).toBe("total_desc");
    expect(filters.status).toBeUndefined();
  });
});

describe("every page and route handler reads its query through this helper", () => {
  it("has no page.tsx or route.ts that reads searchParams without a zod schema", () => {
    // A new page that reads searchParams (or a handler that reads its URL's) without the helper fails here.
    const handlers = appFiles().filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f));
    const readers = handlers.filter((file) => /searchParams/.test(readFileSync(path.join(process.cwd(), file), "utf8")));
    expect(readers).toContain("app/merchant/orders/page.tsx");
    const unparsed = readers.filter((file) => {
      const source = readFileSync(path.join(process.cwd(), file), "utf8");
      return !/readSearchParams\(|parseQuery\(/.test(source) || /\(await searchParams\)\.|= await searchParams;|Object\.fromEntries\([^)]*searchParams/.test(source);
    });
    expect(unparsed).toEqual([]);
  });
});
