import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { inTransaction } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { JPEG, PDF, PNG, VALID_BUSINESS, VALID_REPRESENTATIVE, VALID_SETTLEMENT, completeApplication, submittedMerchant } from "@/tests/onboarding-fixtures";
import { getOwnApplication } from "./application";
import { MAX_DOCUMENT_BYTES, readDocumentForViewer, uploadDocument } from "./documents";
import { saveBusinessStep, saveRepresentativeStep, saveSettlementStep } from "./save-step";
import { uploadDir } from "./storage";
import { submitApplication } from "./submit";

const filesStored = () => {
  const walk = (dir: string): string[] => {
    try {
      return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : [full];
      });
    } catch {
      return [];
    }
  };
  return walk(uploadDir()).length;
};

describe("merchant onboarding (merchant side)", () => {
  beforeEach(resetDatabase);

  it("saves each step so the merchant can leave and come back", async () => {
    const merchant = await createUser("MERCHANT");
    await inTransaction(prisma, (tx) => saveBusinessStep(tx, merchant.actor, VALID_BUSINESS));
    const { application, merchant: row } = await getOwnApplication(prisma, merchant.actor);
    expect(application?.completedSteps).toEqual([1]);
    expect(application?.creditCode).toBe("91350100M000100Y43");
    expect(application?.expectedMonthlySalesFen).toBe(12_000_000n);
    expect(row.displayName).toBe(VALID_BUSINESS.registeredName);
    await inTransaction(prisma, (tx) => saveRepresentativeStep(tx, merchant.actor, { ...VALID_REPRESENTATIVE, repMobile: "+86 138 0013 8000" }));
    const after = await getOwnApplication(prisma, merchant.actor);
    expect(after.application?.completedSteps).toEqual([1, 2]);
    expect(after.application?.repMobile).toBe("13800138000");
  });

  it("an invalid step saves nothing and names every bad field", async () => {
    const merchant = await createUser("MERCHANT");
    const attempt = inTransaction(prisma, (tx) =>
      saveBusinessStep(tx, merchant.actor, { ...VALID_BUSINESS, creditCode: "91350100M000100Y44", shopUrl: "not a url", registeredName: "" }),
    );
    const error = await attempt.catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    const byField = Object.fromEntries((error as ZodError).issues.map((i) => [i.path[0], i.message]));
    expect(byField).toMatchObject({ creditCode: "validation.creditCode.check", shopUrl: "validation.url", registeredName: "validation.required" });
    expect(await prisma.merchantApplication.count()).toBe(0);
  });

  it("the account holder must be the registered name or the representative", async () => {
    const merchant = await createUser("MERCHANT");
    await inTransaction(prisma, (tx) => saveBusinessStep(tx, merchant.actor, VALID_BUSINESS));
    await inTransaction(prisma, (tx) => saveRepresentativeStep(tx, merchant.actor, VALID_REPRESENTATIVE));
    const wrong = await inTransaction(prisma, (tx) => saveSettlementStep(tx, merchant.actor, { ...VALID_SETTLEMENT, accountHolder: "李四" })).catch((e) => e);
    expect((wrong as ZodError).issues.map((i) => i.message)).toEqual(["validation.accountHolder"]);
    await inTransaction(prisma, (tx) => saveSettlementStep(tx, merchant.actor, { ...VALID_SETTLEMENT, accountHolder: "张三" }));
    expect((await getOwnApplication(prisma, merchant.actor)).application?.completedSteps).toEqual([1, 2, 3]);
  });

  it("accepts JPEG, PNG and PDF judged by their bytes", async () => {
    const merchant = await createUser("MERCHANT");
    const docs = [
      await inTransaction(prisma, (tx) => uploadDocument(tx, merchant.actor, { kind: "BUSINESS_LICENSE", bytes: PDF, name: "x.pdf" })),
      await inTransaction(prisma, (tx) => uploadDocument(tx, merchant.actor, { kind: "ID_FRONT", bytes: JPEG, name: "front.png" })),
      await inTransaction(prisma, (tx) => uploadDocument(tx, merchant.actor, { kind: "ID_BACK", bytes: PNG, name: "back" })),
    ];
    expect(docs.map((d) => d.mimeType)).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    expect(docs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await getOwnApplication(prisma, merchant.actor)).application?.completedSteps).toEqual([4]);
  });

  it("refuses a renamed non-image, a file over 5 MB and an empty file, storing nothing", async () => {
    const merchant = await createUser("MERCHANT");
    const before = filesStored();
    const cases = [
      { bytes: new TextEncoder().encode("#!/bin/sh\necho not an image\n"), name: "licence.jpg", key: "validation.file.type" },
      { bytes: new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0xff), name: "big.png", key: "validation.file.tooLarge" },
      { bytes: new Uint8Array(0), name: "empty.pdf", key: "validation.file.empty" },
      // A GIF is an image, but not one we accept.
      { bytes: new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"), name: "x.png", key: "validation.file.type" },
    ];
    for (const c of cases) {
      const error = await inTransaction(prisma, (tx) => uploadDocument(tx, merchant.actor, { kind: "ID_FRONT", bytes: c.bytes, name: c.name })).catch((e) => e);
      expect(error, c.name).toBeInstanceOf(DomainError);
      expect((error as DomainError).messageKey, c.name).toBe(c.key);
    }
    expect(await prisma.merchantDocument.count()).toBe(0);
    expect(filesStored()).toBe(before);
  });

  it("submits only a complete application, then locks it", async () => {
    const merchant = await createUser("MERCHANT");
    await inTransaction(prisma, (tx) => saveBusinessStep(tx, merchant.actor, VALID_BUSINESS));
    // What is missing comes as field errors (shown by each field's name), never as a list of codes in the message.
    await expect(inTransaction(prisma, (tx) => submitApplication(tx, merchant.actor))).rejects.toMatchObject({
      messageKey: "errors.application_incomplete",
      params: {},
      fieldErrors: { repName: "validation.application.missing", BUSINESS_LICENSE: "validation.application.missingDocument", ID_FRONT: "validation.application.missingDocument" },
    });
    await completeApplication(merchant.actor);
    await inTransaction(prisma, (tx) => submitApplication(tx, merchant.actor));
    const row = await prisma.merchant.findUniqueOrThrow({ where: { userId: merchant.id } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt).not.toBeNull();
    await expect(inTransaction(prisma, (tx) => saveRepresentativeStep(tx, merchant.actor, VALID_REPRESENTATIVE))).rejects.toMatchObject({
      messageKey: "errors.application_locked",
    });
    await expect(inTransaction(prisma, (tx) => submitApplication(tx, merchant.actor))).rejects.toMatchObject({ code: "invalid_transition" });
  });
});

describe("onboarding isolation", () => {
  beforeEach(resetDatabase);

  it("documents are readable by their merchant and admins only; to anyone else they do not exist", async () => {
    const owner = await createUser("MERCHANT");
    const other = await createUser("MERCHANT");
    const buyer = await createUser("BUYER");
    const admin = await createUser("ADMIN");
    await submittedMerchant(owner.actor);
    const doc = await prisma.merchantDocument.findFirstOrThrow({ where: { kind: "ID_FRONT" } });
    expect((await readDocumentForViewer(prisma, owner.actor, doc.id)).bytes.equals(Buffer.from(JPEG))).toBe(true);
    expect((await readDocumentForViewer(prisma, admin.actor, doc.id)).document.kind).toBe("ID_FRONT");
    for (const stranger of [other, buyer]) {
      await expect(readDocumentForViewer(prisma, stranger.actor, doc.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(readDocumentForViewer(prisma, admin.actor, "no-such-id")).rejects.toMatchObject({ code: "not_found" });
  });

  it("a merchant only ever reads and changes its own application; a buyer reaches neither side", async () => {
    const owner = await createUser("MERCHANT");
    const other = await createUser("MERCHANT");
    const buyer = await createUser("BUYER");
    await completeApplication(owner.actor);
    const seen = await getOwnApplication(prisma, other.actor);
    expect(seen.application).toBeNull();
    expect(seen.documents).toEqual([]);
    await inTransaction(prisma, (tx) => saveBusinessStep(tx, other.actor, { ...VALID_BUSINESS, registeredName: "另一家" }));
    const ownerApp = await prisma.merchantApplication.findFirstOrThrow({ where: { merchant: { userId: owner.id } } });
    expect(ownerApp.registeredName).toBe(VALID_BUSINESS.registeredName);
    await expect(getOwnApplication(prisma, buyer.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inTransaction(prisma, (tx) => saveBusinessStep(tx, buyer.actor, VALID_BUSINESS))).rejects.toMatchObject({ code: "forbidden" });
  });
});
