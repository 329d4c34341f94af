"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { DECISION_REASONS, decideDispute } from "@/lib/disputes/decide";
import { DISPUTE_REASONS, openDispute } from "@/lib/disputes/open";
import { buyerAcceptOffer, buyerEscalate, buyerWithdraw, merchantAccept, merchantRespond, postDisputeMessage } from "@/lib/disputes/respond";
import type { Evidence } from "@/lib/disputes/thread";
import { multiLine, recordId, singleLine } from "@/lib/validation/text";
import { idempotencyKey, yuanAmount } from "@/lib/wallet/schemas";

// Evidence is optional. An empty file input still sends one part: a zero-byte File whose name the browser
// and React's form encoding set variously ("", "blob"). Zero bytes carry no evidence: no file.
const files = z
  .union([z.instanceof(File), z.array(z.instanceof(File))])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((f) => f.size > 0));

async function evidence(list: File[]): Promise<Evidence[]> {
  return Promise.all(list.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
}

const onDispute = z.object({ disputeId: recordId() });
/** Answers that move money carry the form's idempotency key: a retry returns the first result. */
const onDisputeMoney = onDispute.extend({ idempotencyKey });
// Messages are checked again (required or not, length) by the domain function; here: text rules and a cap.
const body = multiLine({ max: 2000 });
const partAmount = z.object({ amount: yuanAmount });
const done = (id: string) => {
  revalidatePath("/", "layout");
  return { disputeId: id };
};

export const openDisputeAction = protectedAction(
  "disputes.open",
  z.object({
    orderId: recordId(),
    reason: z.enum(DISPUTE_REASONS, { error: "validation.disputeReason" }),
    amount: yuanAmount,
    description: multiLine({ min: 5, max: 2000, required: "validation.description", tooShort: "validation.description" }),
    files,
  }),
  async (input, { user }) => {
    const dispute = await inTransaction(prisma, async (tx) =>
      openDispute(tx, user, { orderId: input.orderId, reason: input.reason, claimedFen: input.amount, description: input.description, files: await evidence(input.files) }),
    );
    return done(dispute.id);
  },
);

export const postDisputeMessageAction = protectedAction("disputes.take_part", onDispute.extend({ body, files }), async (input, { user }) => {
  const list = await evidence(input.files);
  await inTransaction(prisma, (tx) => postDisputeMessage(tx, user, input.disputeId, { body: input.body, files: list }));
  return done(input.disputeId);
});

export const merchantAcceptAction = protectedAction("disputes.take_part", onDisputeMoney, async ({ disputeId, idempotencyKey }, { user }) => {
  await inTransaction(prisma, (tx) => merchantAccept(tx, user, { disputeId, idempotencyKey }));
  return done(disputeId);
});

export const merchantOfferAction = protectedAction("disputes.take_part", onDispute.extend({ amount: yuanAmount, body: body.optional() }), async (input, { user }) => {
  await inTransaction(prisma, (tx) => merchantRespond(tx, user, input.disputeId, { kind: "OFFER", amountFen: input.amount, body: input.body }));
  return done(input.disputeId);
});

export const merchantContestAction = protectedAction("disputes.take_part", onDispute.extend({ body, files }), async (input, { user }) => {
  const list = await evidence(input.files);
  await inTransaction(prisma, (tx) => merchantRespond(tx, user, input.disputeId, { kind: "CONTEST", body: input.body, files: list }));
  return done(input.disputeId);
});

export const buyerAcceptOfferAction = protectedAction("disputes.take_part", onDisputeMoney, async ({ disputeId, idempotencyKey }, { user }) => {
  await inTransaction(prisma, (tx) => buyerAcceptOffer(tx, user, { disputeId, idempotencyKey }));
  return done(disputeId);
});

export const buyerEscalateAction = protectedAction("disputes.take_part", onDispute.extend({ body: body.optional() }), async (input, { user }) => {
  await inTransaction(prisma, (tx) => buyerEscalate(tx, user, input.disputeId, input.body ?? ""));
  return done(input.disputeId);
});

export const buyerWithdrawAction = protectedAction("disputes.take_part", onDisputeMoney, async ({ disputeId, idempotencyKey }, { user }) => {
  await inTransaction(prisma, (tx) => buyerWithdraw(tx, user, { disputeId, idempotencyKey }));
  return done(disputeId);
});

export const decideDisputeAction = protectedAction(
  "disputes.decide",
  onDisputeMoney.extend({
    outcome: z.enum(["REFUND_FULL", "REFUND_PART", "RELEASE"], { error: "validation.outcome" }),
    amount: singleLine({ max: 40 }).optional(),
    reasonCode: z.enum(DECISION_REASONS, { error: "validation.reasonCode" }),
    note: multiLine({ max: 1000, required: "validation.message.required" }),
  }),
  async (input, { user }) => {
    // Parsed as the form's "amount" field, so a refusal is shown beside that field.
    const amountFen = input.outcome === "REFUND_PART" ? partAmount.parse({ amount: input.amount ?? "" }).amount : undefined;
    await inTransaction(prisma, (tx) =>
      decideDispute(tx, user, { disputeId: input.disputeId, idempotencyKey: input.idempotencyKey }, { outcome: input.outcome, amountFen, reasonCode: input.reasonCode, note: input.note }),
    );
    return done(input.disputeId);
  },
);
