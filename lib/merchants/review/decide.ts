import { z } from "zod";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { revokeUserSessions } from "@/lib/auth/revoke";
import { type ReviewedStatus, reviewAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify } from "@/lib/notifications/notify";
import { type Clock, systemClock } from "@/lib/time/clock";
import { multiLine } from "@/lib/validation/text";
import { ALL_FIELDS } from "../onboarding/schemas";
import { merchantStates } from "../states";
import { findIdentityMatches } from "./identity-matches";

export const REJECT_REASONS = ["INCOMPLETE_DOCUMENTS", "IDENTITY_MISMATCH", "PROHIBITED_CATEGORY", "HIGH_RISK", "OTHER"] as const;

const message = multiLine({ max: 1000, required: "validation.message.required" });

export const decisionSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("APPROVE"),
    riskLevel: z.enum(["LOW", "MEDIUM", "HIGH"], { error: "validation.riskLevel" }),
    /** The reviewer saw the other merchants with the same identity details (a checkbox: "on" when ticked). */
    acknowledgeMatches: z.union([z.boolean(), z.literal("on"), z.literal("true")]).optional().transform((v) => v === true || v === "on" || v === "true"),
  }),
  z.object({ decision: z.literal("REJECT"), reasonCode: z.enum(REJECT_REASONS, { error: "validation.reasonCode" }), message }),
  z.object({
    decision: z.literal("NEEDS_INFO"),
    fields: z.array(z.enum(ALL_FIELDS as [string, ...string[]]), { error: "validation.fields" }).min(1, { error: "validation.fields" }),
    message,
  }),
]);
export type Decision = z.infer<typeof decisionSchema>;

const TARGET: Record<Decision["decision"], ReviewedStatus> = { APPROVE: "APPROVED", REJECT: "REJECTED", NEEDS_INFO: "NEEDS_INFO" };

/**
 * Moves a merchant from one status to another with a guarded update: if two admins decide at once, the
 * second finds the status changed and gets invalid_transition. Review row, audit entry and notification
 * are written in the same transaction.
 */
async function transition(
  tx: Tx,
  actor: Actor,
  merchantId: string,
  to: ReviewedStatus,
  /** The status this action starts from: approving an application is not a way to lift a suspension. */
  from: MerchantStatus,
  extra: { data?: Record<string, unknown>; review?: Record<string, unknown>; notification: NotificationKind; params?: Record<string, string>; now: Date },
) {
  const merchant = await tx.merchant.findUnique({ where: { id: merchantId } });
  if (!merchant) throw new DomainError("not_found");
  if (merchant.status !== from) throw new DomainError("invalid_transition", { params: { machine: "merchant", from: merchant.status, to } });
  merchantStates.assert(merchant.status, to);
  const updated = await tx.merchant.updateMany({ where: { id: merchantId, status: merchant.status }, data: { status: to, ...extra.data } });
  if (updated.count !== 1) throw new DomainError("invalid_transition", { params: { machine: "merchant", from: merchant.status, to } });
  await tx.merchantReview.create({ data: { merchantId, actorId: actor.userId, fromStatus: merchant.status, toStatus: to, ...extra.review } });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: reviewAction(to),
    targetType: "merchant",
    targetId: merchantId,
    before: { status: merchant.status, riskLevel: merchant.riskLevel },
    after: { status: to, ...(extra.data as object), ...(extra.review as object) } as never,
  });
  await notify(tx, merchant.userId, extra.notification, extra.params);
  return { from: merchant.status, to };
}

/** Admin decision on a submitted application: approve (with a risk level), reject, or ask for more. */
export async function decideApplication(tx: Tx, actor: Actor, merchantId: string, raw: z.input<typeof decisionSchema>, clock: Clock = systemClock) {
  assertPermission(actor, "merchant.review");
  const input = decisionSchema.parse(raw);
  const now = clock.now();
  const to = TARGET[input.decision];
  if (input.decision === "APPROVE") {
    const matches = await findIdentityMatches(tx, merchantId);
    if (matches.length > 0 && !input.acknowledgeMatches) {
      throw new DomainError("validation", { messageKey: "errors.identity_matches_unacknowledged", fieldErrors: { acknowledgeMatches: "errors.identity_matches_unacknowledged" } });
    }
    if (matches.length > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "merchant.identity_matches_acknowledged",
        targetType: "merchant",
        targetId: merchantId,
        after: { matches: matches.map((m) => ({ field: m.field, merchantId: m.merchantId })) },
      });
    }
    return transition(tx, actor, merchantId, to, "SUBMITTED", {
      data: { riskLevel: input.riskLevel, decidedAt: now },
      review: { riskLevel: input.riskLevel },
      notification: "merchant.approved",
      params: { riskLevel: input.riskLevel },
      now,
    });
  }
  if (input.decision === "REJECT") {
    const result = await transition(tx, actor, merchantId, to, "SUBMITTED", {
      data: { decidedAt: now, rejectedAt: now },
      review: { reasonCode: input.reasonCode, message: input.message },
      notification: "merchant.rejected",
      params: { reasonCode: input.reasonCode },
      now,
    });
    await tx.merchantApplication.updateMany({ where: { merchantId }, data: { reviewReasonCode: input.reasonCode, reviewMessage: input.message } });
    return result;
  }
  const result = await transition(tx, actor, merchantId, to, "SUBMITTED", {
    data: { decidedAt: now },
    review: { fields: input.fields, message: input.message },
    notification: "merchant.needsInfo",
    now,
  });
  await tx.merchantApplication.updateMany({ where: { merchantId }, data: { needsInfoFields: input.fields, reviewMessage: input.message, reviewReasonCode: null } });
  return result;
}

export const suspensionSchema = z.object({ reason: message });

/**
 * APPROVED → SUSPENDED and back, always with a reason. A suspension also ends every session of the
 * merchant's user at once, so nothing started before it can go on from an open browser.
 */
export async function setSuspended(tx: Tx, actor: Actor, merchantId: string, suspend: boolean, raw: z.input<typeof suspensionSchema>, clock: Clock = systemClock) {
  assertPermission(actor, "merchant.review");
  const { reason } = suspensionSchema.parse(raw);
  const result = await transition(tx, actor, merchantId, suspend ? "SUSPENDED" : "APPROVED", suspend ? "APPROVED" : "SUSPENDED", {
    data: { decidedAt: clock.now() },
    review: { message: reason },
    notification: suspend ? "merchant.suspended" : "merchant.reinstated",
    now: clock.now(),
  });
  if (suspend) {
    const { userId } = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { userId: true } });
    await revokeUserSessions(tx, userId);
  }
  return result;
}
