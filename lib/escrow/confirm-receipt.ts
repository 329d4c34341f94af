import { assertRole, type Actor } from "@/lib/auth/actor";
import { moneyCall } from "@/lib/db/money-call";
import type { Db } from "@/lib/db/transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { idempotencyArgs, readStored, type IdempotentResult } from "@/lib/ledger/idempotency";
import { releasePricing } from "@/lib/settings/settings";
import { type Clock, systemClock } from "@/lib/time/clock";
import { explainRefusal } from "./refusals";
import { type Released, releasedFrom, releaseShippedOrder } from "./release";

/**
 * The buyer confirms receipt: the order completes and the escrow is released to the merchant, with the
 * idempotency key, in one statement (the database's escrow_confirm, around escrow_release; see release.ts).
 */
export async function confirmReceipt(db: Db, actor: Actor, input: { orderId: string; idempotencyKey: string }, clock: Clock = systemClock): Promise<IdempotentResult<Released>> {
  assertRole(actor, ["BUYER"]);
  const a = idempotencyArgs({ scope: `${actor.userId}:order.confirm`, key: input.idempotencyKey, request: { orderId: input.orderId }, clock });
  const p = await releasePricing();
  try {
    const [{ confirmed }] = await moneyCall(
      db,
      () => db.$queryRaw<{ confirmed: { replayed: boolean; result: Parameters<typeof releasedFrom>[0] } }[]>`
        SELECT escrow_confirm(${actor.userId}, ${input.orderId}, ${a.now}, ${a.scope}, ${a.key}, ${a.hash}, ${a.expires},
                              ${p.feeBps}::int[], ${p.reserveBps}::int[], ${p.reserveDays}::int, ${p.loanShareBps}::int) AS confirmed`,
    );
    return { result: releasedFrom(readStored(confirmed.result)), replayed: confirmed.replayed };
  } catch (error) {
    throw explainRefusal(error);
  }
}

/**
 * The auto-confirm sweep: every shipped order past its deadline is confirmed, each in its own transaction, in
 * deadline order (lib/jobs/batch.ts). The release re-checks the deadline under the order's lock, so an order
 * the buyer extended or disputed meanwhile is left alone. Safe to run twice or at once.
 */
export async function autoConfirmDue(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "escrow.auto-confirm-sweep",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: string; due_at: Date }[]>`
        SELECT id, auto_confirm_at AS due_at FROM orders
         WHERE status = 'SHIPPED' AND auto_confirm_at <= ${now} AND (auto_confirm_at, id) > (${k.at}, ${k.id})
         ORDER BY auto_confirm_at, id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
    },
    async (tx, item) => (await releaseShippedOrder(tx, item.id, null, now, "auto_confirmed", null, now)) !== null,
  );
}
