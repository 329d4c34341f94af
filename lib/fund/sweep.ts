import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { sweepDue } from "@/lib/jobs/batch";
import { accountIds, walletSpec } from "@/lib/ledger/accounts";
import { postJournal } from "@/lib/ledger/post";
import { yuan } from "@/lib/wallet/schemas";
import { lockHolder } from "./holder";

export const sweepSettingsSchema = z.object({
  enabled: z.boolean(),
  /** What stays in the wallet, in fen (0 or more). */
  floorFen: z.bigint().min(0n, { error: "validation.amount.notNegative" }).max(100_000_000n, { error: "validation.amount.max" }),
});

/** The form's floor: empty is ¥0.00. */
export const floorField = z.string().optional().transform((v, ctx) => {
  if (!v || !v.trim()) return 0n;
  const parsed = yuan({ allowZero: true }).safeParse(v);
  if (!parsed.success) {
    // The parser's parameters ride along, so "at most {max}" is filled in.
    const issue = parsed.error.issues[0] as { message: string; params?: Record<string, unknown> };
    ctx.addIssue({ code: "custom", message: issue.message, params: issue.params });
    return z.NEVER;
  }
  return parsed.data;
});

/**
 * Opt-in "keep idle money earning": each night the wallet balance above the floor moves into the fund, and a
 * payment the wallet cannot cover takes the rest from the fund in the same transaction (lib/escrow/pay.ts,
 * source AUTO).
 */
export async function setAutoSweep(tx: Tx, actor: Actor, raw: z.input<typeof sweepSettingsSchema>) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const input = sweepSettingsSchema.parse(raw);
  await lockHolder(tx, actor);
  await tx.fundHolder.update({ where: { userId: actor.userId }, data: { sweepEnabled: input.enabled, sweepFloorFen: input.floorFen, updatedAt: new Date() } });
  return input;
}

/**
 * The nightly job: for every holder who opted in, the wallet balance above their floor moves into the fund (it
 * earns from the next day). Each holder in its own transaction, the wallet read under its lock. Running it twice
 * moves nothing more: the wallet is at the floor by then.
 */
export async function sweepIdleBalances(db: PrismaClient) {
  const since = new Date(0);
  return sweepDue(
    db,
    "fund.sweep",
    async (after, limit) => {
      const rows = await db.$queryRaw<{ user_id: string }[]>`
        SELECT user_id FROM fund_holders WHERE sweep_enabled AND user_id > ${after?.id ?? ""} ORDER BY user_id LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.user_id, dueAt: since }));
    },
    async (tx, { id: userId }) => {
      const [holder] = await tx.$queryRaw<{ sweep_enabled: boolean; sweep_floor_fen: bigint }[]>`
        SELECT sweep_enabled, sweep_floor_fen FROM fund_holders WHERE user_id = ${userId} FOR UPDATE`;
      if (!holder?.sweep_enabled) return false;
      const wallet = walletSpec(userId);
      const fund = walletSpec(userId, "FUND");
      const ids = await accountIds(tx, [wallet, fund]);
      const [w] = await tx.$queryRaw<{ balance: bigint }[]>`SELECT balance FROM ledger_accounts WHERE id = ${ids.get(wallet.code)!} FOR UPDATE`;
      const amount = w.balance - holder.sweep_floor_fen;
      if (amount <= 0n) return false;
      await postJournal(tx, {
        kind: "FUND_SWEEP",
        reference: "fund",
        createdById: userId,
        lines: [
          { accountId: ids.get(wallet.code)!, amount: -amount },
          { accountId: ids.get(fund.code)!, amount },
        ],
      });
      return true;
    },
  );
}
