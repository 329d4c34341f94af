import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { accountIds, walletSpec } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addOrderEvent } from "./events";

/**
 * Moves reserves whose period has ended to the merchant's wallet, each hold in its own transaction, oldest
 * first. A hold is claimed with a guarded update (released_at IS NULL), so running the job twice, or twice at
 * once, releases each hold once.
 */
export async function releaseDueReserves(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "escrow.release-reserves",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: bigint; due_at: Date }[]>`
        SELECT id, release_at AS due_at FROM reserve_holds
         WHERE released_at IS NULL AND release_at <= ${now} AND (release_at, id::text) > (${k.at}, ${k.id})
         ORDER BY release_at, id::text LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id.toString(), dueAt: r.due_at }));
    },
    async (tx, item) => {
      const [hold] = await tx.$queryRaw<{ order_id: string; user_id: string; amount_fen: bigint }[]>`
        UPDATE reserve_holds SET released_at = ${now}
         WHERE id = ${BigInt(item.id)} AND released_at IS NULL AND release_at <= ${now}
        RETURNING order_id, user_id, amount_fen`;
      if (!hold) return false;
      const reserve = walletSpec(hold.user_id, "RESERVE");
      const wallet = walletSpec(hold.user_id);
      const ids = await accountIds(tx, [reserve, wallet]);
      await postJournal(tx, {
        kind: "RESERVE_RELEASE",
        reference: `order:${hold.order_id}`,
        orderId: hold.order_id,
        lines: [
          { accountId: ids.get(reserve.code)!, amount: -hold.amount_fen },
          { accountId: ids.get(wallet.code)!, amount: hold.amount_fen },
        ],
      });
      await addOrderEvent(tx, hold.order_id, "reserve_released", null, { amount: hold.amount_fen.toString() });
      return true;
    },
  );
}
