import { assertRole, type Actor } from "@/lib/auth/actor";
import { moneyCall } from "@/lib/db/money-call";
import type { Db } from "@/lib/db/transaction";
import { idempotencyArgs, readStored, type IdempotentResult } from "@/lib/ledger/idempotency";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, DAY, systemClock } from "@/lib/time/clock";
import { explainRefusal } from "./refusals";

export type Payment = { orderId: string; amountFen: bigint; fromFundFen?: bigint };

/** Where the money comes from: the wallet, the fund, or the wallet first with the fund covering the rest. */
export const PAY_SOURCES = ["WALLET", "FUND", "AUTO"] as const;
export type PaySource = (typeof PAY_SOURCES)[number];

/**
 * The buyer pays an order from the wallet, the fund, or both (the wallet first, the fund covering the rest):
 * → the order's escrow account, with the order's state change, its timeline entry and the idempotency key, in
 * one statement: the database's escrow_pay (prisma/migrations/*_money_functions, *_fund). Its guarded update
 * (CREATED and not expired) is the lock and the state check, so a link paid twice at once is paid once. Needs no
 * transaction around it; inside one, it is part of it.
 */
export async function payOrder(
  db: Db,
  actor: Actor,
  input: { token: string; idempotencyKey: string; source?: PaySource },
  clock: Clock = systemClock,
): Promise<IdempotentResult<Payment>> {
  assertRole(actor, ["BUYER"]);
  const source = input.source ?? "WALLET";
  // The wallet alone keeps the request it always had, so a key used before the fund existed still replays.
  const request = source === "WALLET" ? { token: input.token } : { token: input.token, source };
  const a = idempotencyArgs({ scope: `${actor.userId}:order.pay`, key: input.idempotencyKey, request, clock });
  const shipBy = new Date(a.now.getTime() + (await getSetting("order.shipDeadlineDays")) * DAY);
  try {
    const [{ paid }] = await moneyCall(
      db,
      () => db.$queryRaw<{ paid: { replayed: boolean; result: unknown } }[]>`
        SELECT escrow_pay(${actor.userId}, ${input.token}, ${a.now}, ${shipBy}, ${a.scope}, ${a.key}, ${a.hash}, ${a.expires}, ${source}) AS paid`,
    );
    return { result: readStored<Payment>(paid.result), replayed: paid.replayed };
  } catch (error) {
    throw explainRefusal(error);
  }
}
