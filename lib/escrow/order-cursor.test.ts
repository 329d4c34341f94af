import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma, resetDatabase } from "@/tests/db";
import { newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { listMerchantOrders } from "./queries";

let merchant: Actor;

beforeAll(async () => {
  await resetDatabase();
  merchant = (await createUser("MERCHANT", { approved: true })).actor;
  for (const price of ["10.00", "30.00", "20.00"]) await newOrder(merchant, price);
});

describe("merchant order pages", () => {
  for (const sort of ["created_desc", "total_asc"] as const) {
    it(`pages through every order once with the cursor it writes (${sort})`, async () => {
      const first = await listMerchantOrders(prisma, merchant, { sort }, { limit: 2 });
      expect(first.orders).toHaveLength(2);
      expect(first.nextCursor).toBeTruthy();
      const second = await listMerchantOrders(prisma, merchant, { sort }, { limit: 2, cursor: first.nextCursor! });
      expect(second.orders).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(new Set([...first.orders, ...second.orders].map((o) => o.id)).size).toBe(3);
    });
  }

  it("treats a crafted cursor as no cursor (the first page), never as an error", async () => {
    const first = await listMerchantOrders(prisma, merchant, {}, { limit: 2 });
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    for (const cursor of ["garbage", b64("2026-13-45T00:00:00.000Z|abc"), b64("not a date|abc"), b64("2026-01-01T00:00:00.000Z|x'y"), b64("a|b|c"), "\u0000"]) {
      const page = await listMerchantOrders(prisma, merchant, {}, { limit: 2, cursor });
      expect(page.orders.map((o) => o.id)).toEqual(first.orders.map((o) => o.id));
    }
    for (const cursor of [b64("99999999999999999999999|abc"), b64("-5|abc")]) {
      const page = await listMerchantOrders(prisma, merchant, { sort: "total_desc" }, { limit: 2, cursor });
      expect(page.orders).toHaveLength(2);
    }
  });
});
