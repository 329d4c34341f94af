import type { Actor } from "@/lib/auth/actor";
import { acceptApplication } from "@/lib/credit/accept";
import { applyForLoan } from "@/lib/credit/apply";
import { computeOffers } from "@/lib/credit/offers";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { confirmReceipt } from "@/lib/escrow/confirm-receipt";
import { createOrder } from "@/lib/escrow/create-order";
import { payOrder } from "@/lib/escrow/pay";
import { shipOrder } from "@/lib/escrow/ship";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DAY, fixedClock, systemClock } from "@/lib/time/clock";

/** The demo's trading history for the credit merchant: orders over the last 80 days, all completed. */
export const DEMO_CREDIT_ORDERS = 24;
const PRICE_YUAN = "500.00";

/**
 * shop3 has traded on the platform for over a year and completed DEMO_CREDIT_ORDERS orders with buyer3 over the
 * last 80 days, each through the real escrow steps on its own day; so the scorecard has something to read and the
 * credit pages show an offer on a fresh start.
 */
export async function seedCreditHistory(tx: Tx, merchant: Actor, buyer: Actor) {
  await tx.merchant.update({ where: { userId: merchant.userId }, data: { decidedAt: new Date(Date.now() - 400 * DAY) } });
  const start = Date.now() - 80 * DAY;
  for (let i = 0; i < DEMO_CREDIT_ORDERS; i++) {
    const clock = fixedClock(new Date(start + Math.floor((i * 78 * DAY) / DEMO_CREDIT_ORDERS)));
    const order = await createOrder(tx, merchant, { lines: [{ name: "明前龙井 250g", quantity: 1, unitPrice: PRICE_YUAN }], shipping: "0" }, clock);
    await payOrder(tx, buyer, { token: order.payToken, idempotencyKey: `seed-credit-pay-${i}` }, clock);
    clock.advance(6 * 3_600_000);
    await shipOrder(tx, merchant, order.id, { carrier: "SF", trackingNo: `SF20261100${String(i).padStart(4, "0")}` }, clock);
    clock.advance(2 * DAY);
    await confirmReceipt(tx, buyer, { orderId: order.id, idempotencyKey: `seed-credit-confirm-${i}` }, clock);
  }
}

/**
 * After the seed's transaction: the nightly offers job once, so pre-approved credit shows at once; then shop3
 * borrows ¥1,000 over 3 months (等额本息) through the real application, so the demo has a loan to look at.
 */
export async function seedCreditOffersAndLoan(db: PrismaClient, merchant: Actor) {
  await computeOffers(db, systemClock);
  const { result } = await inTransaction(db, (tx) =>
    applyForLoan(tx, merchant, { product: "CREDIT", amountFen: 100_000n, termMonths: 3, method: "EQUAL_INSTALMENT", idempotencyKey: "seed-credit-apply" }),
  );
  if (result.status !== "APPROVED") throw new Error(`the demo loan was not approved: ${result.status} ${result.reasons.join(",")}`);
  await inTransaction(db, (tx) => acceptApplication(tx, merchant, { applicationId: result.applicationId, idempotencyKey: "seed-credit-accept" }));
  await computeOffers(db, systemClock);
}
