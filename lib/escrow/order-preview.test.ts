import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { fenToYuanString } from "@/lib/money/fen";
import { pricingFor } from "@/lib/settings/settings";
import { prisma, resetDatabase } from "@/tests/db";
import { key } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { confirmReceipt } from "./confirm-receipt";
import { createOrder } from "./create-order";
import { previewOrder } from "./order-preview";
import { payOrder } from "./pay";
import { shipOrder } from "./ship";

const MEDIUM = { feeRateBps: 100, reserveRateBps: 500 };
const line = (name: string, quantity: string, unitPrice: string) => ({ name, quantity, unitPrice });

describe("the new-order preview", () => {
  it("shows the documented example: 2 × ¥168.50 + ¥12 shipping at MEDIUM risk", () => {
    expect(previewOrder([line("明前龙井", "2", "168.50")], "12", MEDIUM)).toMatchObject({
      subtotalFen: 33_700n,
      shippingFen: 1_200n,
      totalFen: 34_900n,
      feeFen: 349n,
      reserveFen: 1_727n,
      netFen: 32_824n,
      unreadable: [],
      shippingUnreadable: false,
      tooLarge: false,
    });
  });

  it("reads amounts and quantities with the server's rules, ignores empty rows, counts an empty quantity as 1, and names the lines it cannot read", () => {
    const preview = previewOrder(
      [line("a", "", "１，２８８．５０"), line("", "1", ""), line("b", "1,000", "0.01"), line("c", "0", "5"), line("d", "1", "1,00"), line("e", "2", "¥3")],
      "",
      MEDIUM,
    );
    expect(preview.subtotalFen).toBe(128_850n + 1_000n + 600n);
    expect(preview.unreadable).toEqual([4, 5]);
    expect(preview.shippingFen).toBe(0n);
    expect(previewOrder([line("a", "1", "1")], "-1", MEDIUM)).toMatchObject({ shippingUnreadable: true, totalFen: 100n });
    expect(previewOrder([line("a", "10,000", "50,000")], "0", MEDIUM).tooLarge).toBe(true);
  });

  it("fee, reserve and net always add up to the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 5_000 }), (price, qty, fee, reserve) => {
        const p = previewOrder([line("x", String(qty), fenToYuanString(BigInt(price)))], "", { feeRateBps: fee, reserveRateBps: reserve });
        expect(p.feeFen + p.reserveFen + p.netFen).toBe(p.totalFen);
      }),
    );
  });
});

describe("the preview agrees with the server", () => {
  let merchant: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    await resetDatabase();
    merchant = await createUser("MERCHANT", { approved: true });
  });

  it("on the totals createOrder stores, for any lines typed in any accepted way", async () => {
    const typed = fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.constantFrom("plain", "grouped", "fullwidth", "yuan")).map(([fen, style]) => {
      const plain = fenToYuanString(BigInt(fen));
      if (style === "grouped") return plain.replace(/\B(?=(\d{3})+(?!\d)\.)/g, ",");
      if (style === "fullwidth") return plain.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      return style === "yuan" ? `¥${plain}` : plain;
    });
    const lines = fc.array(fc.record({ name: fc.constantFrom("茶", "壶", "杯"), quantity: fc.integer({ min: 1, max: 50 }).map(String), unitPrice: typed }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(lines, fc.integer({ min: 0, max: 5_000 }), async (rows, shippingFen) => {
        const shipping = fenToYuanString(BigInt(shippingFen));
        const preview = previewOrder(rows, shipping, MEDIUM);
        const order = await createOrder(prisma, merchant.actor, { lines: rows, shipping });
        expect([preview.subtotalFen, preview.shippingFen, preview.totalFen]).toEqual([order.subtotalFen, order.shippingFen, order.totalFen]);
      }),
      { numRuns: 25 },
    );
  });

  it("on the fee, reserve and net the release pays at the merchant's risk level", async () => {
    const buyer = await createUser("BUYER", { balanceFen: 100_000n });
    const rows = [line("明前龙井", "2", "168.50")];
    const preview = previewOrder(rows, "12", await pricingFor("MEDIUM"));
    const order = await createOrder(prisma, merchant.actor, { lines: rows, shipping: "12" });
    await payOrder(prisma, buyer.actor, { token: order.payToken, idempotencyKey: key() });
    await shipOrder(prisma, merchant.actor, order.id, { carrier: "SF", trackingNo: "SF1234567890" });
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: order.id, idempotencyKey: key() }));
    const done = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect([done.feeFen, done.reserveFen, done.netFen]).toEqual([preview.feeFen, preview.reserveFen, preview.netFen]);
  });
});
