import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { acceptApplication } from "@/lib/credit/accept";
import { applyForLoan, type LoanAsk } from "@/lib/credit/apply";
import { inTransaction } from "@/lib/db/transaction";
import { type Clock, DAY, fixedClock } from "@/lib/time/clock";
import { prisma } from "./db";
import { completedOrder } from "./escrow-fixtures";
import { createUser } from "./fixtures";

/**
 * An approved merchant with a trading history the scorecard likes: approved over a year before `clock`, `orders`
 * orders completed through the real escrow functions, spread evenly over the `days` days before (each on its own
 * moved clock), bought by a buyer of its own. With the defaults: ¥15,000 of net sales in 90 days, grade A.
 */
export async function tradingMerchant(clock: Clock, options: { orders?: number; priceYuan?: string; days?: number; balanceFen?: bigint } = {}) {
  const { orders = 30, priceYuan = "500.00", days = 80 } = options;
  const merchant = await createUser("MERCHANT", { approved: true, balanceFen: options.balanceFen });
  await prisma.merchant.update({ where: { userId: merchant.id }, data: { decidedAt: new Date(clock.now().getTime() - 400 * DAY) } });
  const buyer = await createUser("BUYER", { balanceFen: BigInt(orders) * BigInt(Math.round(Number(priceYuan) * 100)) + 100n });
  const start = clock.now().getTime() - days * DAY;
  for (let i = 0; i < orders; i++) {
    await completedOrder(merchant.actor, buyer.actor, priceYuan, fixedClock(new Date(start + Math.floor((i * days * DAY) / orders))));
  }
  const row = await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } });
  return { merchant, buyer, merchantId: row.id };
}

/** Applies and, when approved, accepts: the loan is disbursed. Returns the decision and the loan id (if any). */
export async function borrow(actor: Actor, ask: LoanAsk, clock: Clock) {
  const decision = await inTransaction(prisma, (tx) => applyForLoan(tx, actor, { ...ask, idempotencyKey: randomUUID() }, clock));
  if (decision.result.status !== "APPROVED") return { decision: decision.result, loanId: null };
  const accepted = await inTransaction(prisma, (tx) => acceptApplication(tx, actor, { applicationId: decision.result.applicationId, idempotencyKey: randomUUID() }, clock));
  return { decision: decision.result, loanId: accepted.result.loanId };
}
