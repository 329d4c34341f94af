import type { CreditInputs } from "./inputs";
import { SCORECARD_V1, type FeatureKind, type FeatureSpec, type Scorecard } from "./v1";

export type { CreditInputs } from "./inputs";
export type { Scorecard } from "./v1";

/** Every published scorecard by version; a stored decision is recomputed with its own. */
export const SCORECARDS: Record<string, Scorecard> = { [SCORECARD_V1.version]: SCORECARD_V1 };
export const CURRENT_SCORECARD = SCORECARD_V1;

export type Grade = "A" | "B" | "C" | "D" | "E";
export const GRADES: readonly Grade[] = ["A", "B", "C", "D", "E"];

export type FeatureResult = { code: string; kind: FeatureKind; value: number | null; points: number; maxPoints: number; bin: number };

/** A factor that lowered the score: how many points it cost, its value, and the value that would earn more. */
export type Reason = { code: string; kind: FeatureKind; lost: number; value: number | null; target: number | null; better: "higher" | "lower" };

export type ScoreResult = { version: string; score: number; grade: Grade; limitFen: bigint; features: FeatureResult[]; reasons: Reason[] };

/** The ¥100 the limit is rounded down to. */
const LIMIT_STEP = 10_000n;

function binOf(spec: FeatureSpec, value: number): number {
  return spec.better === "higher" ? spec.cuts.filter((c) => value >= c).length : spec.cuts.filter((c) => value <= c).length;
}

function evaluate(spec: FeatureSpec, inputs: CreditInputs): FeatureResult {
  const value = spec.value(inputs);
  const maxPoints = Math.max(...spec.points);
  if (value === null) return { code: spec.code, kind: spec.kind, value, points: spec.missing ?? 0, maxPoints, bin: -1 };
  const bin = binOf(spec, value);
  return { code: spec.code, kind: spec.kind, value, points: spec.points[bin], maxPoints, bin };
}

/** The next cut up from a bin (the value that would earn more points), or null when already in the best bin. */
function targetOf(spec: FeatureSpec, result: FeatureResult): number | null {
  if (result.value === null) return null;
  return result.bin < spec.cuts.length ? spec.cuts[result.bin] : null;
}

/**
 * Scores a merchant: each feature falls in a bin worth points; base + points, within min–max, is the score; the
 * grade follows from the score; the limit is the grade's share of a month's net sales (90-day net sales / 3),
 * rounded down to ¥100 and capped at the inputs' maxLimitFen. A pure function of (scorecard, inputs): the same
 * inputs always give the same answer. The reasons are the factors that cost the most points (at most `top`), worst
 * first, ties in the scorecard's order.
 */
export function score(inputs: CreditInputs, card: Scorecard = CURRENT_SCORECARD, top = 3): ScoreResult {
  const features = card.features.map((spec) => evaluate(spec, inputs));
  const total = Math.min(card.max, Math.max(card.min, card.base + features.reduce((s, f) => s + f.points, 0)));
  const grade: Grade = card.grades.find((g) => total >= g.min)?.grade ?? "E";
  const monthlySales = BigInt(Math.max(0, Math.trunc(inputs.netSales90Fen))) / 3n;
  const raw = (monthlySales * BigInt(card.limitShareBps[grade])) / 10_000n;
  const capped = raw > BigInt(inputs.maxLimitFen) ? BigInt(inputs.maxLimitFen) : raw;
  const limitFen = (capped / LIMIT_STEP) * LIMIT_STEP;
  const reasons = features
    .map((f, index) => ({ f, index, spec: card.features[index] }))
    .filter(({ f }) => f.points < f.maxPoints)
    .sort((a, b) => b.f.maxPoints - b.f.points - (a.f.maxPoints - a.f.points) || a.index - b.index)
    .slice(0, top)
    .map(({ f, spec }) => ({ code: f.code, kind: f.kind, lost: f.maxPoints - f.points, value: f.value, target: targetOf(spec, f), better: spec.better }));
  return { version: card.version, score: total, grade, limitFen, features, reasons };
}

/** Recomputes a stored assessment with the scorecard of its version; unknown versions are a programming error. */
export function rescore(version: string, inputs: CreditInputs): ScoreResult {
  const card = SCORECARDS[version];
  if (!card) throw new Error(`credit: no scorecard ${version}`);
  return score(inputs, card);
}

/** Every reason code a scorecard can give (the catalogs must have each). */
export const REASON_CODES = [...new Set(Object.values(SCORECARDS).flatMap((c) => c.features.map((f) => f.code)))];
