import { can } from "@/lib/auth/permissions";
import { fileTypeFromBuffer } from "file-type";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { MAX_DOCUMENT_BYTES, formatMegabytes } from "@/lib/uploads/limits";
import { lockEditableMerchant } from "./save-step";
import { readBytes, storeBytes } from "./storage";

export { MAX_DOCUMENT_BYTES };
export const DOCUMENT_KINDS = ["BUSINESS_LICENSE", "ID_FRONT", "ID_BACK"] as const satisfies readonly DocumentKind[];
const ALLOWED_TYPES = new Set(["image/jpeg", "image/png", "application/pdf"]);

/** The type comes from the bytes, never from the name or the browser's claim. */
export async function checkDocumentBytes(bytes: Uint8Array, field: string, maxBytes = MAX_DOCUMENT_BYTES, tooLargeKey = "validation.file.tooLarge"): Promise<string> {
  const refuse = (key: string, params?: Record<string, string>) => new DomainError("validation", { messageKey: key, params, fieldErrors: { [field]: key } });
  if (bytes.byteLength === 0) throw refuse("validation.file.empty");
  if (bytes.byteLength > maxBytes) throw refuse(tooLargeKey, { max: formatMegabytes(maxBytes) });
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ALLOWED_TYPES.has(type.mime)) throw refuse("validation.file.type");
  return type.mime;
}

/**
 * Step 4: stores one document (replacing an earlier one of the same kind). Checked before anything is
 * written; the bytes go to disk before the row, so a row never points at a missing file.
 */
export async function uploadDocument(tx: Tx, actor: Actor, input: { kind: DocumentKind; bytes: Uint8Array; name: string }) {
  if (!DOCUMENT_KINDS.includes(input.kind as (typeof DOCUMENT_KINDS)[number])) throw new DomainError("validation");
  const mimeType = await checkDocumentBytes(input.bytes, input.kind);
  const merchant = await lockEditableMerchant(tx, actor);
  const sha256 = await storeBytes(input.bytes);
  const originalName = input.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 120) || input.kind;
  const document = await tx.merchantDocument.upsert({
    where: { merchantId_kind: { merchantId: merchant.id, kind: input.kind } },
    create: { merchantId: merchant.id, kind: input.kind, sha256, sizeBytes: input.bytes.byteLength, mimeType, originalName },
    update: { sha256, sizeBytes: input.bytes.byteLength, mimeType, originalName, createdAt: new Date() },
  });
  const application = await tx.merchantApplication.findUnique({ where: { merchantId: merchant.id } });
  const kinds = await tx.merchantDocument.findMany({ where: { merchantId: merchant.id }, select: { kind: true } });
  if (DOCUMENT_KINDS.every((k) => kinds.some((d) => d.kind === k))) {
    const completedSteps = [...new Set([...(application?.completedSteps ?? []), 4])].sort();
    await tx.merchantApplication.upsert({ where: { merchantId: merchant.id }, create: { merchantId: merchant.id, completedSteps }, update: { completedSteps } });
  }
  return document;
}

/**
 * A document for download: its merchant or an administrator. For anyone else it does not exist.
 */
export async function readDocumentForViewer(db: PrismaClient, actor: Actor, documentId: string) {
  const document = await db.merchantDocument.findUnique({ where: { id: documentId }, include: { merchant: { select: { userId: true } } } });
  const allowed = document && (can(actor, "merchant.view") || (actor.role === "MERCHANT" && document.merchant.userId === actor.userId));
  if (!document || !allowed) throw new DomainError("not_found");
  return { document, bytes: await readBytes(document.sha256) };
}
