import type { Tx } from "@/lib/db/transaction";
import { userAccount } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addOrderEvent } from "./events";

/**
 * Moves reserves whose period has ended to the merchant's wallet. Each hold is claimed with a guarded update
 * (released_at IS NULL), so running the job twice, or twice at once, releases each hold once.
 */
export async function releaseDueReserves(tx: Tx, clock: Clock = systemClock, limit = 500) {
  const now = clock.now();
  const holds = await tx.$queryRaw<{ id: bigint; order_id: string; user_id: string; amount_fen: bigint }[]>`
    UPDATE reserve_holds SET released_at = ${now}
     WHERE id IN (SELECT id FROM reserve_holds WHERE released_at IS NULL AND release_at <= ${now} ORDER BY release_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, order_id, user_id, amount_fen`;
  for (const hold of holds) {
    await postJournal(tx, {
      kind: "RESERVE_RELEASE",
      reference: `order:${hold.order_id}`,
      lines: [
        { accountId: (await userAccount(tx, hold.user_id, "RESERVE")).id, amount: -hold.amount_fen },
        { accountId: (await userAccount(tx, hold.user_id)).id, amount: hold.amount_fen },
      ],
    });
    await addOrderEvent(tx, hold.order_id, "reserve_released", null, { amount: hold.amount_fen.toString() });
  }
  return { released: holds.length };
}
