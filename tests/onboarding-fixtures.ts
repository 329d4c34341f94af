import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/db/transaction";
import { uploadDocument } from "@/lib/merchants/onboarding/documents";
import { saveBusinessStep, saveRepresentativeStep, saveSettlementStep } from "@/lib/merchants/onboarding/save-step";
import { submitApplication } from "@/lib/merchants/onboarding/submit";
import { prisma } from "./db";

// Uploads of this test process go to a throwaway folder.
process.env.ANXIN_UPLOAD_DIR ??= mkdtempSync(path.join(os.tmpdir(), "anxin-uploads-"));

/** Smallest files whose bytes say what they are. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export const VALID_BUSINESS = {
  entityType: "COMPANY",
  registeredName: "福州青禾茶业有限公司",
  creditCode: "91350100M000100Y43",
  category: "food",
  shopUrl: "https://qinghe.example.cn",
  expectedMonthlySales: "120000",
} as const;
export const VALID_REPRESENTATIVE = { repName: "张三", repIdNumber: "11010519491231002X", repMobile: "13800138000" } as const;
export const VALID_SETTLEMENT = { bankCode: "CMB", accountHolder: "福州青禾茶业有限公司", accountNumber: "6222020000000007" } as const;

/** Fills every step and uploads the three documents. */
export async function completeApplication(actor: Actor) {
  await inTransaction(prisma, (tx) => saveBusinessStep(tx, actor, VALID_BUSINESS));
  await inTransaction(prisma, (tx) => saveRepresentativeStep(tx, actor, VALID_REPRESENTATIVE));
  await inTransaction(prisma, (tx) => saveSettlementStep(tx, actor, VALID_SETTLEMENT));
  await inTransaction(prisma, (tx) => uploadDocument(tx, actor, { kind: "BUSINESS_LICENSE", bytes: PDF, name: "licence.pdf" }));
  await inTransaction(prisma, (tx) => uploadDocument(tx, actor, { kind: "ID_FRONT", bytes: JPEG, name: "front.jpg" }));
  await inTransaction(prisma, (tx) => uploadDocument(tx, actor, { kind: "ID_BACK", bytes: PNG, name: "back.png" }));
}

export async function submittedMerchant(actor: Actor) {
  await completeApplication(actor);
  await inTransaction(prisma, (tx) => submitApplication(tx, actor));
  return prisma.merchant.findUniqueOrThrow({ where: { userId: actor.userId } });
}
