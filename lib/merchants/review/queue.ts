import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { EntityType, MerchantStatus } from "@/lib/generated/prisma/enums";
import { assertPermission, type Actor } from "@/lib/auth/actor";

export type QueueFilters = { status?: MerchantStatus | "ALL"; q?: string; entityType?: EntityType; category?: string };

/**
 * The review queue: submitted applications, the longest-waiting first. Other statuses can be listed for
 * follow-up (e.g. NEEDS_INFO, SUSPENDED). Search covers name, email and credit code.
 */
export async function listMerchantsForReview(db: PrismaClient, actor: Actor, filters: QueueFilters = {}) {
  assertPermission(actor, "merchant.view");
  const status = filters.status ?? "SUBMITTED";
  const q = filters.q?.trim();
  const where: Prisma.MerchantWhereInput = {
    ...(status === "ALL" ? {} : { status }),
    ...(q
      ? {
          OR: [
            { displayName: { contains: q, mode: "insensitive" } },
            { user: { email: { contains: q, mode: "insensitive" } } },
            { application: { creditCode: { contains: q.toUpperCase() } } },
          ],
        }
      : {}),
    ...(filters.entityType || filters.category
      ? { application: { ...(filters.entityType ? { entityType: filters.entityType } : {}), ...(filters.category ? { category: filters.category } : {}) } }
      : {}),
  };
  return db.merchant.findMany({
    where,
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 100,
    select: {
      id: true,
      displayName: true,
      status: true,
      riskLevel: true,
      submittedAt: true,
      createdAt: true,
      user: { select: { email: true } },
      application: { select: { entityType: true, category: true, creditCode: true } },
    },
  });
}
