import { randomUUID } from "node:crypto";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { accountIds, escrowSpec, orderAccountCode, walletSpec } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";

/**
 * The buyer pays an order from the wallet: buyer wallet → the order's escrow account. The guarded update
 * (CREATED and not expired) is the lock and the state check, so a link paid twice at once is paid once.
 * Paying from the fund (a later feature) is another source account in the same journal.
 */
// The escrow account's code (lib/ledger/accounts.ts) around an order id the statement only learns itself.
const [codePrefix, codeSuffix] = orderAccountCode("\u0000").split("\u0000");

export async function payOrder(tx: Tx, actor: Actor, input: { token: string; idempotencyKey: string }, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER"]);
  return withIdempotency(tx, { scope: `${actor.userId}:order.pay`, key: input.idempotencyKey, request: { token: input.token } }, async () => {
    const now = clock.now();
    const shipBy = new Date(now.getTime() + (await getSetting("order.shipDeadlineDays")) * DAY);
    // The guarded update, the order's escrow account and the timeline entry in one statement.
    const [order] = await tx.$queryRaw<{ id: string; total_fen: bigint }[]>`
      WITH p AS (
        UPDATE orders SET status = 'PAID', buyer_id = ${actor.userId}, paid_at = ${now}, ship_by = ${shipBy}, updated_at = ${now}
         WHERE pay_token = ${input.token} AND status = 'CREATED' AND expires_at > ${now}
        RETURNING id, total_fen
      ), a AS (
        INSERT INTO ledger_accounts (id, code, order_id, type, allow_negative)
        SELECT ${randomUUID()}, ${codePrefix} || p.id || ${codeSuffix}, p.id, 'ESCROW', false FROM p
        ON CONFLICT DO NOTHING
      ), e AS (
        INSERT INTO order_events (order_id, type, actor_id, data, created_at)
        SELECT p.id, 'paid', ${actor.userId}, jsonb_build_object('amount', p.total_fen::text), ${now} FROM p
      )
      SELECT id, total_fen FROM p`;
    if (!order) {
      const existing = await tx.order.findUnique({ where: { payToken: input.token }, select: { status: true, buyerId: true, expiresAt: true } });
      if (!existing || (existing.buyerId && existing.buyerId !== actor.userId)) throw new DomainError("not_found");
      if (existing.status === "CREATED") throw new DomainError("invalid_transition", { messageKey: "errors.order_expired" });
      throw new DomainError("invalid_transition", { messageKey: "errors.order_already_paid" });
    }
    const wallet = walletSpec(actor.userId);
    const escrow = escrowSpec(order.id);
    const ids = await accountIds(tx, [wallet, escrow]);
    await postJournal(tx, {
      kind: "ESCROW_PAY",
      reference: `order:${order.id}`,
      orderId: order.id,
      createdById: actor.userId,
      lines: [
        { accountId: ids.get(wallet.code)!, amount: -order.total_fen },
        { accountId: ids.get(escrow.code)!, amount: order.total_fen },
      ],
    });
    return { orderId: order.id, amountFen: order.total_fen };
  });
}
