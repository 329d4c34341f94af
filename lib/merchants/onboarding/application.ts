import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { getOwnMerchantOrThrow } from "../get-own-merchant";

type Db = PrismaClient | Tx;

/** The actor's own merchant record with its application, documents and last decision. */
export async function getOwnApplication(db: Db, actor: Actor) {
  const merchant = await getOwnMerchantOrThrow(db, actor);
  const [application, documents, lastReview] = await Promise.all([
    db.merchantApplication.findUnique({ where: { merchantId: merchant.id } }),
    db.merchantDocument.findMany({ where: { merchantId: merchant.id }, orderBy: { kind: "asc" } }),
    db.merchantReview.findFirst({ where: { merchantId: merchant.id }, orderBy: { id: "desc" } }),
  ]);
  return { merchant, application, documents, lastReview };
}
