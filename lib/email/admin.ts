import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors/domain-error";

export const EMAIL_STATUSES = ["PENDING", "SENT", "FAILED", "SKIPPED"] as const satisfies readonly EmailStatus[];
const PAGE = 30;

const asId = (value: string | undefined) => (value && /^\d{1,18}$/.test(value) ? BigInt(value) : null);

/** The outbox for administrators, newest first, a page at a time (older pages by the last id seen). */
export async function listOutbox(db: PrismaClient, actor: Actor, filters: { status?: string; before?: string } = {}) {
  assertPermission(actor, "outbox.view");
  const status = EMAIL_STATUSES.find((s) => s === filters.status);
  const before = asId(filters.before);
  const rows = await db.outboxEmail.findMany({
    where: { ...(status ? { status } : {}), ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      subject: true,
      toAddress: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      user: { select: { email: true } },
    },
  });
  const page = rows.slice(0, PAGE);
  return { emails: page, status, nextBefore: rows.length > PAGE ? page[page.length - 1].id.toString() : null };
}

/** One outbox message with whatever it kept (bodies only when it went to the outbox folder). */
export async function getOutboxEmail(db: PrismaClient, actor: Actor, id: string) {
  assertPermission(actor, "outbox.view");
  const key = asId(id);
  const email = key ? await db.outboxEmail.findUnique({ where: { id: key }, include: { user: { select: { email: true, name: true } } } }) : null;
  if (!email) throw new DomainError("not_found");
  return email;
}
