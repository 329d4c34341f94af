import { z } from "zod";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, dateColumn, fromDateColumn, platformDayOf } from "@/lib/time/platform-day";
import { multiLine } from "@/lib/validation/text";

/**
 * The fund's income is set as the daily income per 10,000 units (万份收益) in fen with 4 decimals, stored as an
 * integer count of 0.0001 fen ("E4"): ¥0.4512 per 10,000 units = 45.12 fen = 451200. An annualised rate converts
 * to it as 10,000 units × ¥1 × rate ÷ 365 days, rounded half up to the 0.0001 fen.
 */
export const perTenThousandFromAnnualBps = (bps: number): bigint => (BigInt(bps) * 1_000_000n * 2n + 365n) / (365n * 2n);

/** 7-day annualised yield (七日年化) in basis points from the last days' income per 10,000 units (E4). */
export function sevenDayAnnualBps(days: bigint[]): number {
  if (days.length === 0) return 0;
  const sum = days.reduce((s, d) => s + d, 0n);
  // (Σ income ÷ days) × 365 ÷ (10,000 units × 100 fen × 10^4) as a share, in basis points (× 10^4), rounded half
  // up: an annualised rate converts to the 0.0001 fen, so 1.75% comes back as 1.7499…% and must still read 1.75%.
  const divisor = BigInt(days.length) * 10_000_000_000n;
  return Number((sum * 365n * 10_000n * 2n + divisor) / (divisor * 2n));
}

/** A day that exists ("2026-02-31" does not): it becomes a DATE column. */
const isCalendarDay = (v: string) => {
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
};

/**
 * A number typed in the form; blank is absent. The form posts both the per-10,000 and the annual field (it works
 * without scripts), so the one not chosen arrives empty.
 */
const optionalNumber = (pattern: RegExp, key: string) =>
  z
    .string({ error: key })
    .trim()
    .transform((v) => v || undefined)
    .pipe(z.string().regex(pattern, { error: key }).optional())
    .optional();

export const fundRateSchema = z
  .object({
    effectiveFrom: z.string({ error: "validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date" }).refine(isCalendarDay, { error: "validation.date" }),
    enteredAs: z.enum(["PER_10K", "ANNUAL"], { error: "validation.invalid" }),
    /** Yuan per 10,000 units with up to 4 decimals ("0.4512"), when enteredAs is PER_10K. */
    per10kYuan: optionalNumber(/^\d{1,2}(\.\d{1,4})?$/, "validation.fund.per10k"),
    /** Percent with up to 2 decimals ("1.65"), when enteredAs is ANNUAL. */
    annualPercent: optionalNumber(/^\d{1,2}(\.\d{1,2})?$/, "validation.fund.annual"),
    reason: multiLine({ min: 2, max: 500, required: "validation.reason.required" }),
  })
  .superRefine((v, ctx) => {
    if (v.enteredAs === "PER_10K" && !v.per10kYuan) ctx.addIssue({ code: "custom", path: ["per10kYuan"], message: "validation.fund.per10k" });
    if (v.enteredAs === "ANNUAL" && !v.annualPercent) ctx.addIssue({ code: "custom", path: ["annualPercent"], message: "validation.fund.annual" });
  });

const e4FromYuan = (yuan: string): bigint => {
  const [whole, frac = ""] = yuan.split(".");
  return BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(4, "0")) * 100n;
};

/**
 * An admin sets the fund's income from a day on (today at the earliest: a day already accrued keeps its rate).
 * Rates are never edited: a new row supersedes the old from its day. Audited.
 */
export async function setFundRate(tx: Tx, actor: Actor, raw: z.input<typeof fundRateSchema>, clock: Clock = systemClock) {
  assertPermission(actor, "fund.rate");
  const input = fundRateSchema.parse(raw);
  const today = platformDayOf(clock.now());
  if (input.effectiveFrom < today || input.effectiveFrom > addDays(today, 366)) {
    throw new DomainError("validation", { messageKey: "errors.fund_rate_day", fieldErrors: { effectiveFrom: "errors.fund_rate_day" } });
  }
  const annualBps = input.enteredAs === "ANNUAL" ? Math.round(Number(input.annualPercent) * 100) : null;
  const per10kE4 = annualBps !== null ? perTenThousandFromAnnualBps(annualBps) : e4FromYuan(input.per10kYuan!);
  if (per10kE4 > 10_000_000n) throw new DomainError("validation", { messageKey: "validation.fund.per10k", fieldErrors: { per10kYuan: "validation.fund.per10k" } });
  const before = await rateForDay(tx, input.effectiveFrom);
  const row = await tx.fundRate.create({
    data: { effectiveFrom: dateColumn(input.effectiveFrom), per10kE4, enteredAs: input.enteredAs, annualRateBps: annualBps, reason: input.reason, createdById: actor.userId },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "fund.rate_set",
    targetType: "fund_rate",
    targetId: row.id.toString(),
    before: before ? { per10kE4: before.toString() } : null,
    after: { effectiveFrom: input.effectiveFrom, per10kE4: per10kE4.toString(), enteredAs: input.enteredAs, reason: input.reason },
  });
  return { id: row.id, per10kE4 };
}

/** The income per 10,000 units (E4) that applies to `day`: the latest rate from that day or before (0 if none). */
export async function rateForDay(db: Db, day: string): Promise<bigint | null> {
  const row = await db.fundRate.findFirst({ where: { effectiveFrom: { lte: dateColumn(day) } }, orderBy: [{ effectiveFrom: "desc" }, { id: "desc" }] });
  return row?.per10kE4 ?? null;
}

/** Every rate change, newest first, with who made it (their name and email, when the user still exists). */
export async function rateHistory(db: Db, limit = 100) {
  const rows = await db.fundRate.findMany({ orderBy: [{ effectiveFrom: "desc" }, { id: "desc" }], take: limit });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({ ...r, effectiveFrom: fromDateColumn(r.effectiveFrom), createdBy: byId.get(r.createdById) ?? null }));
}
