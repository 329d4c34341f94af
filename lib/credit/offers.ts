import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/db/transaction";
import { type Clock, systemClock } from "@/lib/time/clock";
import { creditInputs } from "./inputs";
import { availableCredit, blockedReason } from "./offer";
import { restorationProgress } from "./restoration";
import { score } from "./scorecard";
import { creditSettings } from "./settings";

export type OffersRun = { merchants: number; offers: number; notified: number; expired: number; ms: { inputs: number; scoring: number; writing: number } };

/**
 * The nightly pre-approved offers (02:00 Asia/Shanghai, and once at start). Set-based: one statement reads every
 * approved or suspended merchant's inputs (lib/credit/inputs.ts), the scorecard runs in memory (a pure function),
 * and one transaction writes every assessment and credit line with unnest: each merchant's score, grade, limit and
 * what it may draw (no offer when suspended, owing a receivable, overdue, frozen, grade E or without sales), the
 * restoration path's steps, and a notification to each merchant whose offer is new or larger than the one it was
 * last told about. Approvals not accepted in time expire. Running it twice writes a second assessment and notifies
 * nobody twice.
 */
export async function computeOffers(db: PrismaClient, clock: Clock = systemClock): Promise<OffersRun> {
  const now = clock.now();
  const settings = await creditSettings();
  const t0 = performance.now();
  const all = await creditInputs(db, now, null, settings.maxLimitFen);
  const [lines, progress] = await Promise.all([
    db.creditLine.findMany({ select: { merchantId: true, frozen: true } }),
    restorationProgress(db, now, settings),
  ]);
  const t1 = performance.now();
  const frozen = new Set(lines.filter((l) => l.frozen).map((l) => l.merchantId));
  const path = new Map(progress.map((p) => [p.merchantId, p]));
  const rows = all.map(({ merchantId, userId, inputs }) => {
    const result = score(inputs);
    const blocked = blockedReason(inputs, result, frozen.has(merchantId));
    const p = path.get(merchantId);
    const onPath = Boolean(p && p.stepsMet < 3);
    const available = blocked ? 0n : availableCredit(result.limitFen, onPath, p?.stepsMet ?? 0, BigInt(inputs.creditDebtFen));
    return { merchantId, userId, inputs, result, blocked, available, onPath: p ? onPath : null, steps: p?.stepsMet ?? 0 };
  });
  const t2 = performance.now();
  const written = await inTransaction(db, async (tx) => {
    const expired = await tx.$executeRaw`UPDATE loan_applications SET status = 'EXPIRED' WHERE status = 'APPROVED' AND expires_at <= ${now}`;
    if (rows.length === 0) return { notified: 0, expired };
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
    const ids = await tx.$queryRaw<{ id: bigint; merchant_id: string }[]>`
      INSERT INTO credit_assessments (merchant_id, purpose, scorecard_version, inputs, score, grade, limit_fen, reasons, as_of)
      SELECT m, 'OFFER', v, i, s, g, l, ARRAY(SELECT jsonb_array_elements_text(r)), ${now}
        FROM unnest(${col((r) => r.merchantId)}::text[], ${col((r) => r.result.version)}::text[], ${col((r) => JSON.stringify(r.inputs))}::jsonb[],
                    ${col((r) => r.result.score)}::int[], ${col((r) => r.result.grade)}::text[], ${col((r) => r.result.limitFen.toString())}::bigint[],
                    ${col((r) => JSON.stringify(r.result.reasons.map((x) => x.code)))}::jsonb[]) AS x(m, v, i, s, g, l, r)
      RETURNING id, merchant_id`;
    const assessment = new Map(ids.map((r) => [r.merchant_id, r.id.toString()]));
    // Each statement below touches a line once (a row changed twice in one statement is not allowed), from one temp
    // table; the lines are locked in merchant order first, so two runs at once queue instead of deadlocking.
    await tx.$executeRaw`
      CREATE TEMP TABLE credit_offer_rows ON COMMIT DROP AS
      SELECT * FROM unnest(${col((r) => r.merchantId)}::text[], ${col((r) => r.userId)}::text[], ${col((r) => r.result.limitFen.toString())}::bigint[],
                           ${col((r) => r.available.toString())}::bigint[], ${col((r) => r.result.score)}::int[], ${col((r) => r.result.grade)}::text[],
                           ${col((r) => assessment.get(r.merchantId)!)}::bigint[], ${col((r) => r.blocked)}::text[],
                           ${col((r) => r.onPath)}::boolean[], ${col((r) => r.steps)}::int[])
             AS x(merchant_id, user_id, limit_fen, available_fen, score, grade, assessment_id, blocked, on_path, steps)`;
    await tx.$queryRaw`SELECT merchant_id FROM credit_lines WHERE merchant_id IN (SELECT merchant_id FROM credit_offer_rows) ORDER BY merchant_id FOR UPDATE`;
    await tx.$executeRaw`
      INSERT INTO credit_lines (merchant_id, user_id, limit_fen, available_fen, score, grade, assessment_id, blocked_reason, assessed_at, updated_at)
      SELECT merchant_id, user_id, limit_fen, available_fen, score, grade, assessment_id, blocked, ${now}, ${now} FROM credit_offer_rows ORDER BY merchant_id
      ON CONFLICT (merchant_id) DO UPDATE
        SET limit_fen = EXCLUDED.limit_fen, available_fen = EXCLUDED.available_fen, score = EXCLUDED.score, grade = EXCLUDED.grade,
            assessment_id = EXCLUDED.assessment_id, blocked_reason = EXCLUDED.blocked_reason, assessed_at = EXCLUDED.assessed_at,
            updated_at = EXCLUDED.updated_at`;
    // The restoration path: steps never go down; with all three met the merchant is off it (the whole limit back).
    await tx.$executeRaw`
      UPDATE credit_lines c
         SET restoration_steps = CASE WHEN x.on_path THEN GREATEST(c.restoration_steps, x.steps) ELSE 0 END,
             restoration_since = CASE WHEN x.on_path THEN c.restoration_since END
        FROM credit_offer_rows x WHERE c.merchant_id = x.merchant_id AND x.on_path IS NOT NULL AND c.restoration_since IS NOT NULL`;
    const notify = await tx.$queryRaw<{ user_id: string; available_fen: bigint }[]>`
      UPDATE credit_lines c SET notified_fen = x.available_fen
        FROM credit_offer_rows x
       WHERE c.merchant_id = x.merchant_id AND (x.available_fen > c.notified_fen OR (x.available_fen = 0 AND c.notified_fen > 0))
      RETURNING c.user_id, x.available_fen`
      .then((rows) => rows.filter((r) => r.available_fen > 0n));
    await tx.$executeRaw`DROP TABLE credit_offer_rows`;
    if (notify.length > 0) {
      await tx.$executeRaw`
        INSERT INTO notifications (user_id, kind, params)
        SELECT u, 'credit.offer', jsonb_build_object('amountFen', a::text)
          FROM unnest(${notify.map((n) => n.user_id)}::text[], ${notify.map((n) => n.available_fen.toString())}::bigint[]) AS x(u, a)`;
    }
    return { notified: notify.length, expired };
  });
  const t3 = performance.now();
  return {
    merchants: rows.length,
    offers: rows.filter((r) => r.available > 0n).length,
    notified: written.notified,
    expired: written.expired,
    ms: { inputs: Math.round(t1 - t0), scoring: Math.round(t2 - t1), writing: Math.round(t3 - t2) },
  };
}
