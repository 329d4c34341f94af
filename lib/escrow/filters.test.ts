import { describe, expect, it } from "vitest";
import { readSearchParams } from "@/lib/http/search-params";
import { ORDER_QUERY, isReversedRange } from "./filters";

describe("order filters", () => {
  it("a range that ends before it starts is recognised (the page says so), a same-day or open range is not", () => {
    const read = (raw: Record<string, string>) => readSearchParams(raw, ORDER_QUERY);
    expect(isReversedRange(read({ from: "2026-11-24", to: "2026-11-01" }))).toBe(true);
    expect(isReversedRange(read({ from: "2026-11-24", to: "2026-11-24" }))).toBe(false);
    expect(isReversedRange(read({ from: "2026-11-01", to: "2026-11-24" }))).toBe(false);
    expect(isReversedRange(read({ from: "2026-11-24" }))).toBe(false);
    expect(isReversedRange(read({ to: "2026-11-24" }))).toBe(false);
    // A date that did not parse is dropped before this check: no message about a range that is not there.
    expect(isReversedRange(read({ from: "2026-02-31", to: "2026-01-01" }))).toBe(false);
  });
});
