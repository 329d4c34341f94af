import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { DAY, fixedClock } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { shippedOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { extendAutoConfirm } from "./extend";
import { autoConfirmOrder } from "./jobs";

describe("the per-order auto-confirm job", () => {
  beforeEach(resetDatabase);

  it("confirms only once the deadline has passed, respects an extension, and is safe to run twice", async () => {
    const clock = fixedClock("2026-11-01T00:00:00Z");
    const merchant = await createUser("MERCHANT", { approved: true });
    const buyer = await createUser("BUYER", { balanceFen: 100_000n });
    const order = await shippedOrder(merchant.actor, buyer.actor, "100.00", clock);
    clock.advance(5 * DAY);
    await inTransaction(prisma, (tx) => extendAutoConfirm(tx, buyer.actor, order.id, clock));
    clock.advance(5 * DAY + 1); // the original deadline: the job scheduled at shipping fires, but the order was extended
    expect(await autoConfirmOrder(prisma, order.id, clock)).toEqual({ released: false });
    clock.advance(3 * DAY);
    const results = await Promise.all([autoConfirmOrder(prisma, order.id, clock), autoConfirmOrder(prisma, order.id, clock)]);
    expect(results.filter((r) => r.released)).toHaveLength(1);
    expect(await prisma.journal.count({ where: { kind: "ESCROW_RELEASE" } })).toBe(1);
    expect(await autoConfirmOrder(prisma, "no-such-order", clock)).toEqual({ released: false });
  });
});
