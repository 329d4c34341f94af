import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { fixedClock } from "@/lib/time/clock";
import { parseCsv, readText } from "@/tests/csv";
import { prisma, resetDatabase } from "@/tests/db";
import { completedOrder, key, newOrder, shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { confirmReceipt } from "./confirm-receipt";
import { createOrder } from "./create-order";
import { ORDER_CSV_COLUMNS, merchantOrdersCsv, type OrderCsvLabels } from "./csv";
import { refundOrder } from "./refund";

const zh = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/zh-CN.json"), "utf8"));
const labels: OrderCsvLabels = { heading: (c) => zh.ordersCsv[c], status: (s) => zh.orderStatus[s] };
const yuanToFen = (text: string) => BigInt(text.replace(".", ""));

describe("merchant orders CSV", () => {
  beforeEach(resetDatabase);

  it("has every column needed to reconcile: total − refunded − fee − reserve = net on each completed order", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 1_000_000n });
    await completedOrder(merchant.actor, buyer.actor, "349.00");
    const partly = await shippedOrder(merchant.actor, buyer.actor, "1,234.57");
    await inTransaction(prisma, (tx) => refundOrder(tx, merchant.actor, { orderId: partly.id, amountFen: 10_001n, idempotencyKey: key() }));
    await inTransaction(prisma, (tx) => confirmReceipt(tx, buyer.actor, { orderId: partly.id, idempotencyKey: key() }));
    await newOrder(merchant.actor, "10.00");

    const [heading, ...rows] = parseCsv(await readText(merchantOrdersCsv(prisma, merchant.actor, {}, labels)));
    expect(heading).toEqual(ORDER_CSV_COLUMNS.map((c) => zh.ordersCsv[c]));
    expect(heading).toContain("保证金（元）");
    const col = (row: string[], name: (typeof ORDER_CSV_COLUMNS)[number]) => row[ORDER_CSV_COLUMNS.indexOf(name)];
    const completed = rows.filter((r) => col(r, "status") === "已完成");
    expect(completed).toHaveLength(2);
    for (const row of completed) {
      const [total, refunded, fee, reserve, net] = (["total", "refunded", "fee", "reserve", "net"] as const).map((c) => yuanToFen(col(row, c)));
      expect(net).toBeGreaterThan(0n);
      expect(total - refunded - fee - reserve).toBe(net);
    }
    expect(completed.map((r) => col(r, "refunded")).sort()).toEqual(["0.00", "100.01"]);
    const open = rows.find((r) => col(r, "status") === "待付款")!;
    expect([col(open, "fee"), col(open, "reserve"), col(open, "net"), col(open, "paidAt")]).toEqual(["", "", "", ""]);
  });

  it("writes statuses as words, times in Asia/Shanghai without milliseconds, and order numbers as text behind a tab", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const clock = fixedClock("2026-11-23T16:30:05.678Z"); // 2026-11-24 00:30:05 in Shanghai
    const order = await newOrder(merchant.actor, "88.00", 1, "0", clock);
    const [, row] = parseCsv(await readText(merchantOrdersCsv(prisma, merchant.actor, {}, labels)));
    expect(row[0]).toBe(`\t${order.orderNo}`);
    expect(order.orderNo).toMatch(/^20261124\d{8}$/);
    expect(row[1]).toBe("2026-11-24 00:30:05");
    expect(row[2]).toBe("待付款");
    expect(row).not.toContain("CREATED");
  });

  it("neutralises a buyer contact that a spreadsheet would run as a formula", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    await inTransaction(prisma, (tx) =>
      createOrder(tx, merchant.actor, { lines: [{ name: "茶", quantity: 1, unitPrice: "1" }], buyerContact: "=HYPERLINK(\"http://evil\",\"x\")" }),
    );
    await inTransaction(prisma, (tx) => createOrder(tx, merchant.actor, { lines: [{ name: "茶", quantity: 1, unitPrice: "1" }], buyerContact: "@SUM(1+1)" }));
    const rows = parseCsv(await readText(merchantOrdersCsv(prisma, merchant.actor, {}, labels))).slice(1);
    expect(rows.map((r) => r[3]).sort()).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'@SUM(1+1)"]);
  });

  it("streams page after page: every order appears exactly once across more than one page", async () => {
    const merchant = await createUser("MERCHANT", { approved: true });
    const created = new Set<string>();
    for (let i = 0; i < 105; i++) created.add((await newOrder(merchant.actor, "1.00")).orderNo);
    const rows = parseCsv(await readText(merchantOrdersCsv(prisma, merchant.actor, {}, labels))).slice(1);
    expect(rows).toHaveLength(105);
    expect(new Set(rows.map((r) => r[0].trim()))).toEqual(created);
  });
});
