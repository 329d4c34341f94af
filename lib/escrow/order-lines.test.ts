import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { MAX_ORDER_LINES } from "./limits";

// The real action (form parsing, schema, action client, domain, database); only the request-bound parts are
// replaced: the session, the translator (the real Chinese catalog) and revalidation.
let currentUser: SessionUser | null = null;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => currentUser }));
vi.mock("next-intl/server", () => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/zh-CN.json"), "utf8"));
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace }) };
});
const { createOrderAction } = await import("@/app/merchant/orders/actions");

function orderForm(lines: number, row: (i: number) => Record<string, string> = (i) => ({ name: `商品 ${i + 1}`, quantity: "1", unitPrice: "1.00" })) {
  const form = new FormData();
  for (let i = 0; i < lines; i++) for (const [field, value] of Object.entries(row(i))) form.set(`lines.${i}.${field}`, value);
  form.set("shipping", "");
  return form;
}

describe("order lines from the form", () => {
  beforeEach(async () => {
    await resetDatabase();
    const merchant = await createUser("MERCHANT", { approved: true });
    currentUser = { userId: merchant.actor.userId, role: "MERCHANT", email: "m@test", name: "m" };
  });

  it(`keeps all ${MAX_ORDER_LINES} lines of a full order`, async () => {
    const result = await createOrderAction(null, orderForm(MAX_ORDER_LINES));
    expect(result.ok).toBe(true);
    expect(await prisma.orderLine.count()).toBe(MAX_ORDER_LINES);
  });

  it("refuses a 51st line with a message that states the limit, instead of dropping it", async () => {
    const result = await createOrderAction(null, orderForm(MAX_ORDER_LINES + 1));
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { lines: `一笔订单最多 ${MAX_ORDER_LINES} 行商品，请分成多笔订单。` } } });
    expect(await prisma.order.count()).toBe(0);
  });

  it("reads rows in their order whatever their numbers, and puts each error on the field of the row it was typed in, naming that row", async () => {
    const form = orderForm(0);
    form.set("lines.7.name", "第二行");
    form.set("lines.7.unitPrice", "1,00");
    form.set("lines.2.name", "第一行");
    form.set("lines.2.unitPrice", "5");
    form.set("lines.2.quantity", "0x10");
    const result = await createOrderAction(null, form);
    expect(result).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          "lines.2.quantity": "第 3 行数量应为 1–10,000 的整数，例如 1 或 1,000。",
          "lines.7.unitPrice": "第 8 行单价请填写数字，例如 100、88.50 或 1,234.56（千位分隔符须每三位一个）。",
        },
      },
    });
  });

  it("refuses a NUL in any field with a field error, not an unexpected error", async () => {
    const form = orderForm(1);
    form.set("note", "送货前\u0000请来电");
    const result = await createOrderAction(null, form);
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { note: "备注只能填写一行，不能包含换行、制表符或其他控制字符。" } } });
  });

  it("shipping below zero says it must be 0 or more", async () => {
    const form = orderForm(1);
    form.set("shipping", "−1");
    expect(await createOrderAction(null, form)).toMatchObject({ ok: false, error: { fieldErrors: { shipping: "运费不能为负数，可以填 0 或更大的金额。" } } });
  });
});
