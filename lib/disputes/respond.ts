import { assertPermission, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { withIdempotency } from "@/lib/ledger/idempotency";
import type { Fen } from "@/lib/money/fen";
import { notify } from "@/lib/notifications/notify";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { getDisputeForParty, requireParty } from "./access";
import { settleDispute } from "./settle";
import { disputeStates, isOpen } from "./states";
import { addToThread, type Evidence } from "./thread";

const ROLE = { BUYER: "BUYER", MERCHANT: "MERCHANT", ADMIN: "ADMIN" } as const;

/** Any party adds a message (with evidence) while the dispute is open. */
export async function postDisputeMessage(tx: Tx, actor: Actor, disputeId: string, input: { body: string; files?: Evidence[] }) {
  const { dispute, party } = await getDisputeForParty(tx, actor, disputeId, true);
  // An administrator who may read the dispute (support) does not necessarily take part in it.
  if (party === "ADMIN") assertPermission(actor, "disputes.take_part");
  if (!isOpen(dispute.status)) throw new DomainError("invalid_transition", { messageKey: "errors.dispute_closed" });
  const body = input.body.trim();
  if (!body && !(input.files?.length)) throw new DomainError("validation", { messageKey: "validation.message.required", fieldErrors: { body: "validation.message.required" } });
  if (body.length > 2000) throw new DomainError("validation", { messageKey: "validation.tooLong", params: { max: 2000 }, fieldErrors: { body: "validation.tooLong" } });
  return addToThread(tx, { disputeId, authorId: actor.userId, authorRole: ROLE[party], kind: "MESSAGE", body, files: input.files });
}

export type DisputeMoneyInput = { disputeId: string; idempotencyKey: string };

/**
 * A party's answer that moves money runs once per idempotency key: a retry or a double click returns the first
 * result instead of an error (the dispute has moved on by then).
 */
function once<T>(tx: Tx, actor: Actor, verb: string, input: DisputeMoneyInput, work: () => Promise<T>) {
  return withIdempotency(tx, { scope: `${actor.userId}:dispute.${verb}`, key: input.idempotencyKey, request: { disputeId: input.disputeId } }, work);
}

/** The merchant accepts the claim: the claimed amount is refunded at once and the dispute closes. */
export async function merchantAccept(tx: Tx, actor: Actor, input: DisputeMoneyInput, clock: Clock = systemClock) {
  return once(tx, actor, "accept", input, async () => {
    const { dispute, party } = await getDisputeForParty(tx, actor, input.disputeId, true);
    requireParty(party, "MERCHANT");
    if (dispute.status !== "OPEN") throw new DomainError("invalid_transition", { messageKey: "errors.dispute_changed" });
    await addToThread(tx, { disputeId: dispute.id, authorId: actor.userId, authorRole: "MERCHANT", kind: "ACCEPT", amountFen: dispute.claimedFen });
    await settleDispute(tx, dispute, { status: "RESOLVED_BUYER", refundFen: dispute.claimedFen, actorId: actor.userId }, clock.now());
    return { status: "RESOLVED_BUYER" as const, refundFen: dispute.claimedFen };
  });
}

/** The merchant offers part of the claim, or contests it with evidence; the buyer then has a deadline to answer. */
export async function merchantRespond(
  tx: Tx,
  actor: Actor,
  disputeId: string,
  input: { kind: "OFFER"; amountFen: Fen; body?: string } | { kind: "CONTEST"; body: string; files?: Evidence[] },
  clock: Clock = systemClock,
) {
  const { dispute, party } = await getDisputeForParty(tx, actor, disputeId, true);
  requireParty(party, "MERCHANT");
  if (dispute.status !== "OPEN") throw new DomainError("invalid_transition", { messageKey: "errors.dispute_changed" });
  disputeStates.assert(dispute.status, "AWAITING_BUYER");
  if (input.kind === "OFFER" && (input.amountFen <= 0n || input.amountFen >= dispute.claimedFen)) {
    throw new DomainError("invalid_amount", { messageKey: "errors.offer_amount", fieldErrors: { amount: "errors.offer_amount" } });
  }
  if (input.kind === "CONTEST" && input.body.trim().length < 5) {
    throw new DomainError("validation", { messageKey: "validation.description", fieldErrors: { body: "validation.description" } });
  }
  const now = clock.now();
  await addToThread(tx, {
    disputeId,
    authorId: actor.userId,
    authorRole: "MERCHANT",
    kind: input.kind,
    body: input.body ?? "",
    amountFen: input.kind === "OFFER" ? input.amountFen : null,
    files: input.kind === "CONTEST" ? input.files : undefined,
  });
  await tx.dispute.update({
    where: { id: disputeId },
    data: {
      status: "AWAITING_BUYER",
      offerFen: input.kind === "OFFER" ? input.amountFen : null,
      merchantDeadline: null,
      buyerDeadline: new Date(now.getTime() + (await getSetting("dispute.buyerResponseDays")) * DAY),
    },
  });
  await notify(tx, dispute.buyerId, input.kind === "OFFER" ? "dispute.offer" : "dispute.contested", { orderNo: dispute.order.orderNo, disputeId });
}

/** The buyer accepts the merchant's offer: that amount is refunded, the rest goes to the merchant. */
export async function buyerAcceptOffer(tx: Tx, actor: Actor, input: DisputeMoneyInput, clock: Clock = systemClock) {
  return once(tx, actor, "accept-offer", input, async () => {
    const { dispute, party } = await getDisputeForParty(tx, actor, input.disputeId, true);
    requireParty(party, "BUYER");
    if (dispute.status !== "AWAITING_BUYER" || !dispute.offerFen) throw new DomainError("invalid_transition", { messageKey: "errors.no_offer" });
    await addToThread(tx, { disputeId: dispute.id, authorId: actor.userId, authorRole: "BUYER", kind: "ACCEPT", amountFen: dispute.offerFen });
    await settleDispute(tx, dispute, { status: "RESOLVED_SPLIT", refundFen: dispute.offerFen, actorId: actor.userId }, clock.now());
    return { status: "RESOLVED_SPLIT" as const, refundFen: dispute.offerFen };
  });
}

/** The buyer asks the platform to decide. Deadlines stop; an admin takes it from the queue. */
export async function buyerEscalate(tx: Tx, actor: Actor, disputeId: string, body = "", clock: Clock = systemClock) {
  const { dispute, party } = await getDisputeForParty(tx, actor, disputeId, true);
  requireParty(party, "BUYER");
  disputeStates.assert(dispute.status, "ESCALATED");
  await addToThread(tx, { disputeId, authorId: actor.userId, authorRole: "BUYER", kind: "ESCALATE", body });
  await tx.dispute.update({ where: { id: disputeId }, data: { status: "ESCALATED", merchantDeadline: null, buyerDeadline: null, updatedAt: clock.now() } });
  await notify(tx, dispute.order.merchant.userId, "dispute.escalated", { orderNo: dispute.order.orderNo, disputeId });
}

/** The buyer withdraws: nothing is refunded and the order goes back to where it was. */
export async function buyerWithdraw(tx: Tx, actor: Actor, input: DisputeMoneyInput, clock: Clock = systemClock) {
  return once(tx, actor, "withdraw", input, async () => {
    const { dispute, party } = await getDisputeForParty(tx, actor, input.disputeId, true);
    requireParty(party, "BUYER");
    disputeStates.assert(dispute.status, "WITHDRAWN");
    await addToThread(tx, { disputeId: dispute.id, authorId: actor.userId, authorRole: "BUYER", kind: "WITHDRAW" });
    await settleDispute(tx, dispute, { status: "WITHDRAWN", refundFen: 0n, actorId: actor.userId }, clock.now());
    return { status: "WITHDRAWN" as const, refundFen: 0n };
  });
}
