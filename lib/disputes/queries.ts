import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import { assertPermission, assertRole, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";
import { getDisputeForParty } from "./access";
import { type Clock, systemClock } from "@/lib/time/clock";
import { disputeRatesFor } from "./stats";

/** The dispute with its thread (newest last) and files, for one of its parties or an admin. */
export async function getDisputeView(db: PrismaClient, actor: Actor, disputeId: string) {
  const { dispute, party } = await getDisputeForParty(db, actor, disputeId);
  const [messages, files, order] = await Promise.all([
    db.disputeMessage.findMany({ where: { disputeId }, orderBy: { id: "asc" } }),
    db.disputeFile.findMany({ where: { disputeId }, orderBy: { createdAt: "asc" } }),
    db.order.findUniqueOrThrow({ where: { id: dispute.orderId }, include: { lines: true } }),
  ]);
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(messages.map((m) => m.authorId).filter(Boolean))] as string[] } }, select: { id: true, name: true } });
  return { dispute, party, messages, files, order, authorNames: Object.fromEntries(authors.map((a) => [a.id, a.name])) };
}

/** A party's disputes, newest first: buyers see theirs, merchants the ones about their orders. */
export async function listOwnDisputes(db: PrismaClient, actor: Actor) {
  assertRole(actor, ["BUYER", "MERCHANT"]);
  const where =
    actor.role === "BUYER"
      ? { buyerId: actor.userId }
      : { merchantId: (await db.merchant.findUnique({ where: { userId: actor.userId }, select: { id: true } }))?.id ?? "-" };
  return db.dispute.findMany({ where, orderBy: { createdAt: "desc" }, take: 100, include: { order: { select: { orderNo: true } } } });
}

/** The arbitration queue: escalated disputes by default, the longest-waiting first. */
export async function listDisputesForAdmin(db: PrismaClient, actor: Actor, filters: { status?: DisputeStatus | "ALL"; reason?: string } = {}) {
  assertPermission(actor, "disputes.view_all");
  const status = filters.status ?? "ESCALATED";
  return db.dispute.findMany({
    where: { ...(status === "ALL" ? {} : { status }), ...(filters.reason ? { reason: filters.reason as never } : {}) },
    orderBy: [{ updatedAt: "asc" }],
    take: 100,
    include: { order: { select: { orderNo: true, merchant: { select: { displayName: true } } } } },
  });
}

/** Both parties' dispute history and rates, for the arbitration page. */
export async function partyHistory(db: PrismaClient, actor: Actor, dispute: { buyerId: string; merchantId: string }, clock: Clock = systemClock) {
  assertPermission(actor, "disputes.view_all");
  const [buyerDisputes, buyerOrders, merchantRates, merchantDisputes] = await Promise.all([
    db.dispute.groupBy({ by: ["status"], where: { buyerId: dispute.buyerId }, _count: { _all: true } }),
    db.order.count({ where: { buyerId: dispute.buyerId } }),
    disputeRatesFor(db, dispute.merchantId, clock.now()),
    db.dispute.groupBy({ by: ["status"], where: { merchantId: dispute.merchantId }, _count: { _all: true } }),
  ]);
  const count = (rows: { _count: { _all: number } }[]) => rows.reduce((s, r) => s + r._count._all, 0);
  return {
    buyer: { orders: buyerOrders, disputes: count(buyerDisputes), byStatus: Object.fromEntries(buyerDisputes.map((r) => [r.status, r._count._all])) },
    merchant: { disputes: count(merchantDisputes), byStatus: Object.fromEntries(merchantDisputes.map((r) => [r.status, r._count._all])), ...merchantRates },
  };
}

/** A merchant's dispute rates for its dashboard; admins may read any merchant's. */
export async function merchantDisputeRates(db: PrismaClient, actor: Actor, merchantId?: string, clock: Clock = systemClock) {
  let id = merchantId;
  if (actor.role === "MERCHANT") id = (await db.merchant.findUnique({ where: { userId: actor.userId }, select: { id: true } }))?.id;
  else assertPermission(actor, "merchant.view");
  if (!id) throw new DomainError("not_found");
  return disputeRatesFor(db, id, clock.now());
}

/** An evidence file for a party of its dispute or an admin; anyone else gets not_found. */
export async function readDisputeFile(db: PrismaClient, actor: Actor, fileId: string) {
  const file = await db.disputeFile.findUnique({ where: { id: fileId } });
  if (!file) throw new DomainError("not_found");
  await getDisputeForParty(db, actor, file.disputeId);
  return file;
}

/** The latest dispute of an order whose access the caller has already checked. */
export async function latestDisputeForOrder(db: PrismaClient, orderId: string) {
  return db.dispute.findFirst({ where: { orderId }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });
}
