import type { Tx } from "@/lib/db/transaction";
import { checkDocumentBytes } from "@/lib/merchants/onboarding/documents";
import { storeBytes } from "@/lib/merchants/onboarding/storage";
import { DomainError } from "@/lib/errors/domain-error";
import type { Fen } from "@/lib/money/fen";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "@/lib/uploads/limits";

export { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES };
export type Evidence = { bytes: Uint8Array; name: string };

/** Checks every file (type by bytes, size, count) before anything is stored. */
export async function checkEvidence(files: Evidence[]) {
  if (files.length > MAX_EVIDENCE_FILES) {
    throw new DomainError("validation", { messageKey: "validation.evidence.tooMany", params: { max: MAX_EVIDENCE_FILES }, fieldErrors: { files: "validation.evidence.tooMany" } });
  }
  const types: string[] = [];
  for (const file of files) types.push(await checkDocumentBytes(file.bytes, "files", MAX_EVIDENCE_BYTES, "validation.evidence.tooLarge"));
  return types;
}

/** Adds one entry to the dispute's thread, with its (already checked) evidence files. */
export async function addToThread(
  tx: Tx,
  entry: { disputeId: string; authorId: string | null; authorRole: string; kind: string; body?: string; amountFen?: Fen | null; files?: Evidence[] },
) {
  const types = await checkEvidence(entry.files ?? []);
  const message = await tx.disputeMessage.create({
    data: { disputeId: entry.disputeId, authorId: entry.authorId, authorRole: entry.authorRole, kind: entry.kind, body: entry.body ?? "", amountFen: entry.amountFen ?? null },
  });
  for (const [i, file] of (entry.files ?? []).entries()) {
    const sha256 = await storeBytes(file.bytes);
    await tx.disputeFile.create({
      data: {
        disputeId: entry.disputeId,
        messageId: message.id,
        uploaderId: entry.authorId ?? "system",
        sha256,
        sizeBytes: file.bytes.byteLength,
        mimeType: types[i],
        originalName: file.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 120) || "evidence",
      },
    });
  }
  return message;
}
