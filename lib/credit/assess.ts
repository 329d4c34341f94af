import type { Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { creditInputs } from "./inputs";
import { availableCredit, blockedReason, type BlockedReason } from "./offer";
import { restorationProgress } from "./restoration";
import { score, type CreditInputs, type ScoreResult } from "./scorecard";
import type { CreditSettings } from "./settings";

export type Assessment = {
  id: bigint;
  merchantId: string;
  userId: string;
  inputs: CreditInputs;
  result: ScoreResult;
  blocked: BlockedReason | null;
  availableFen: bigint;
  onPath: boolean;
  stepsMet: number;
};

/**
 * Scores one merchant now, stores the assessment (version and exact inputs) and brings its credit line up to date:
 * limit, score, grade, what is available, why nothing is (if so), the restoration path's steps. The caller holds the
 * merchant's credit line lock when the answer decides a draw (lib/credit/lock.ts).
 */
export async function assessMerchant(tx: Db, merchantId: string, now: Date, purpose: "APPLICATION" | "MONITOR" | "OFFER", settings: CreditSettings): Promise<Assessment | null> {
  const [found] = await creditInputs(tx, now, merchantId, settings.maxLimitFen);
  if (!found) return null;
  const line = await tx.creditLine.findUnique({ where: { merchantId } });
  const [progress] = line?.restorationSince ? await restorationProgress(tx, now, settings, merchantId) : [];
  const result = score(found.inputs);
  const blocked = blockedReason(found.inputs, result, line?.frozen ?? false);
  const onPath = Boolean(progress && progress.stepsMet < 3);
  const stepsMet = progress?.stepsMet ?? 0;
  const availableFen = blocked ? 0n : availableCredit(result.limitFen, onPath, stepsMet, BigInt(found.inputs.creditDebtFen));
  const stored = await tx.creditAssessment.create({
    data: {
      merchantId,
      purpose,
      scorecardVersion: result.version,
      inputs: found.inputs as unknown as Prisma.InputJsonValue,
      score: result.score,
      grade: result.grade,
      limitFen: result.limitFen,
      reasons: result.reasons.map((r) => r.code),
      asOf: now,
    },
  });
  const lineData = {
    limitFen: result.limitFen,
    availableFen,
    score: result.score,
    grade: result.grade,
    assessmentId: stored.id,
    blockedReason: blocked,
    assessedAt: now,
    updatedAt: now,
    ...(progress ? (onPath ? { restorationSteps: stepsMet } : { restorationSince: null, restorationSteps: 0 }) : {}),
  };
  await tx.creditLine.upsert({ where: { merchantId }, create: { merchantId, userId: found.userId, ...lineData }, update: lineData });
  return { id: stored.id, merchantId, userId: found.userId, inputs: found.inputs, result, blocked, availableFen, onPath, stepsMet };
}
