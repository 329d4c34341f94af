import { describe, expect, it } from "vitest";
import { readSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { OVERVIEW_QUERY, overviewRange as fromParams } from "./overview-range";

const overviewRange = (raw: RawSearchParams, today: string) => fromParams(readSearchParams(raw, OVERVIEW_QUERY), today);

const TODAY = "2026-11-24";

describe("the overview's date range from the query", () => {
  it("defaults to the last 30 days up to today", () => {
    expect(overviewRange({}, TODAY)).toEqual({ from: "2026-10-26", to: TODAY });
  });
  it("takes a sane range as asked, and 30 days up to a lone end date", () => {
    expect(overviewRange({ from: "2026-11-01", to: "2026-11-07" }, TODAY)).toEqual({ from: "2026-11-01", to: "2026-11-07" });
    expect(overviewRange({ to: "2026-02-28" }, TODAY)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
  });
  it("shows the default and says why for a reversed or over-long range", () => {
    expect(overviewRange({ from: "2026-12-01", to: "2026-11-01" }, TODAY)).toMatchObject({ from: "2026-10-26", to: TODAY, problem: "reversed", asked: { from: "2026-12-01", to: "2026-11-01" } });
    expect(overviewRange({ from: "2024-01-01", to: "2026-11-01" }, TODAY)).toMatchObject({ problem: "too_long" });
    expect(overviewRange({ from: "2025-11-25", to: TODAY }, TODAY)).toEqual({ from: "2025-11-25", to: TODAY });
  });
  it("ignores crafted parameters: repeated, impossible days, control characters", () => {
    expect(overviewRange({ from: ["2026-11-01", "2026-11-02"], to: "2026-02-31" }, TODAY)).toEqual({ from: "2026-10-26", to: TODAY });
    expect(overviewRange({ from: "2026-11-01\u0000" }, TODAY)).toEqual({ from: "2026-10-26", to: TODAY });
  });
});
