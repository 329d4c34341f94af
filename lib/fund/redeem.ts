import { assertRole, type Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { afterKey, sweepDue } from "@/lib/jobs/batch";
import { accountIds, walletSpec } from "@/lib/ledger/accounts";
import { withIdempotency } from "@/lib/ledger/idempotency";
import { postJournal } from "@/lib/ledger/post";
import { getSetting } from "@/lib/settings/settings";
import { type Clock, systemClock } from "@/lib/time/clock";
import { addDays, dateColumn, fromDateColumn, platformDayOf, platformDayStart } from "@/lib/time/platform-day";
import { lockHolder } from "./holder";
import { checkAmount, explainShortfall, type FundMoveInput } from "./subscribe";

/**
 * Fund → wallet. Up to the day's instant cap per user (setting fund.instantRedeemCapFen, like YuEbao's instant
 * redemption) arrives at once; the rest leaves the fund now (it stops earning) and waits in the holder's pending
 * account until the next day, when a job moves it to the wallet. One journal for both parts. The holder's row is
 * locked first, so two redemptions at once cannot both use the same day's cap.
 */
export async function redeemFromFund(tx: Tx, actor: Actor, input: FundMoveInput, clock: Clock = systemClock) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  checkAmount(input.amountFen);
  return explainShortfall("errors.fund_balance_short", () => withIdempotency(tx, { scope: `${actor.userId}:fund.redeem`, key: input.idempotencyKey, request: { amount: input.amountFen }, clock }, async () => {
    const holder = await lockHolder(tx, actor);
    const now = clock.now();
    const today = platformDayOf(now);
    const used = holder.instant_day && fromDateColumn(holder.instant_day) === today ? holder.instant_redeemed_fen : 0n;
    const cap = BigInt(await getSetting("fund.instantRedeemCapFen"));
    const room = cap > used ? cap - used : 0n;
    const instant = input.amountFen < room ? input.amountFen : room;
    const pending = input.amountFen - instant;
    const fund = walletSpec(actor.userId, "FUND");
    const wallet = walletSpec(actor.userId);
    const pendingAccount = walletSpec(actor.userId, "FUND_PENDING");
    const ids = await accountIds(tx, [fund, wallet, pendingAccount]);
    await postJournal(tx, {
      kind: "FUND_REDEEM",
      reference: "fund",
      createdById: actor.userId,
      lines: [
        { accountId: ids.get(fund.code)!, amount: -input.amountFen },
        ...(instant > 0n ? [{ accountId: ids.get(wallet.code)!, amount: instant }] : []),
        ...(pending > 0n ? [{ accountId: ids.get(pendingAccount.code)!, amount: pending }] : []),
      ],
    });
    const arrivesAt = platformDayStart(addDays(today, 1));
    if (pending > 0n) await tx.fundRedemption.create({ data: { userId: actor.userId, amountFen: pending, requestedAt: now, dueAt: arrivesAt } });
    await tx.fundHolder.update({ where: { userId: actor.userId }, data: { instantDay: dateColumn(today), instantRedeemedFen: used + instant, updatedAt: now } });
    return { instantFen: instant, pendingFen: pending, arrivesAt: pending > 0n ? arrivesAt : null };
  }));
}

/** The job: redemptions due (the day after they were asked for) arrive in the wallet, each on its own. */
export async function settleDueRedemptions(db: PrismaClient, clock: Clock = systemClock) {
  const now = clock.now();
  return sweepDue(
    db,
    "fund.settle-redemptions",
    async (after, limit) => {
      const k = afterKey(after);
      const rows = await db.$queryRaw<{ id: bigint; due_at: Date }[]>`
        SELECT id, due_at FROM fund_redemptions
         WHERE settled_at IS NULL AND due_at <= ${now} AND (due_at, id::text) > (${k.at}, ${k.id})
         ORDER BY due_at, id::text LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.id.toString(), dueAt: r.due_at }));
    },
    async (tx, item) => {
      const [r] = await tx.$queryRaw<{ user_id: string; amount_fen: bigint }[]>`
        UPDATE fund_redemptions SET settled_at = ${now} WHERE id = ${BigInt(item.id)} AND settled_at IS NULL AND due_at <= ${now}
        RETURNING user_id, amount_fen`;
      if (!r) return false;
      const pendingAccount = walletSpec(r.user_id, "FUND_PENDING");
      const wallet = walletSpec(r.user_id);
      const ids = await accountIds(tx, [pendingAccount, wallet]);
      await postJournal(tx, {
        kind: "FUND_REDEEM_SETTLE",
        reference: `fund-redemption:${item.id}`,
        lines: [
          { accountId: ids.get(pendingAccount.code)!, amount: -r.amount_fen },
          { accountId: ids.get(wallet.code)!, amount: r.amount_fen },
        ],
      });
      return true;
    },
  );
}
