import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { userBalance } from "@/lib/ledger/accounts";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { key, newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { confirmReceipt } from "./confirm-receipt";
import { payOrder } from "./pay";
import { cancelOrder, refundOrder } from "./refund";
import { splitRelease } from "./release-split";
import { shipOrder } from "./ship";

// One order's life: a price, then what happens to it.
const lifecycle = fc.record({
  priceFen: fc.integer({ min: 1, max: 500_000 }),
  paid: fc.boolean(),
  cancelBeforeShipping: fc.boolean(),
  refunds: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }), // percent of what is still held
  confirm: fc.boolean(),
});

describe("escrow money conservation (property)", () => {
  it("random order lifecycles keep every ledger invariant, and the merchant receives exactly total − refunds − fee", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lifecycle, { minLength: 1, maxLength: 6 }), async (orders) => {
        await resetDatabase();
        const merchant = await createUser("MERCHANT", { approved: true });
        const buyer = await createUser("BUYER", { balanceFen: 5_000_000n });
        let expectedMerchant = 0n;
        let expectedFee = 0n;
        let buyerSpent = 0n;
        for (const o of orders) {
          const yuan = `${Math.floor(o.priceFen / 100)}.${String(o.priceFen % 100).padStart(2, "0")}`;
          const order = await newOrder(merchant.actor, yuan);
          if (!o.paid) continue;
          await inTransaction(prisma, (tx) => payOrder(tx, buyer.actor, { token: order.payToken, idempotencyKey: key() }));
          if (o.cancelBeforeShipping) {
            await inTransaction(prisma, (tx) => cancelOrder(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
            continue;
          }
          await inTransaction(prisma, (tx) => shipOrder(tx, merchant.actor, order.id, { carrier: "SF", trackingNo: "SF12345678" }));
          let held = BigInt(o.priceFen);
          for (const pct of o.refunds) {
            const amount = (held * BigInt(pct)) / 100n;
            if (amount <= 0n) continue;
            await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: order.id, amountFen: amount, idempotencyKey: key() }));
            held -= amount;
          }
          buyerSpent += held;
          if (o.confirm && held > 0n) {
            await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
            const split = splitRelease(held, 100, 500); // MEDIUM
            expectedMerchant += held - split.fee;
            expectedFee += split.fee;
          }
        }
        expect(await verifyLedger(prisma)).toEqual([]);
        const merchantGot = (await userBalance(prisma, merchant.id)) + (await userBalance(prisma, merchant.id, "RESERVE"));
        expect(merchantGot).toBe(expectedMerchant);
        const fee = (await prisma.ledgerAccount.findUnique({ where: { code: "platform:PLATFORM_FEE:CNY" } }))?.balance ?? 0n;
        expect(fee).toBe(expectedFee);
        expect(await userBalance(prisma, buyer.id)).toBe(5_000_000n - buyerSpent);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
