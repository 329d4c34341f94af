import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import type { MerchantStatus } from "@/lib/generated/prisma/enums";
import { pricingFor, updateSetting } from "@/lib/settings/settings";
import { fixedClock, DAY } from "@/lib/time/clock";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { VALID_REPRESENTATIVE, submittedMerchant } from "@/tests/onboarding-fixtures";
import { saveRepresentativeStep } from "../onboarding/save-step";
import { reapplyOpensAt, startNewApplication, submitApplication } from "../onboarding/submit";
import { merchantStates } from "../states";
import { decideApplication, setSuspended } from "./decide";
import { getMerchantForAdmin } from "./detail";
import { listMerchantsForReview } from "./queue";

const STATUSES: MerchantStatus[] = ["DRAFT", "SUBMITTED", "NEEDS_INFO", "APPROVED", "REJECTED", "SUSPENDED"];
const ALLOWED = new Set(["DRAFT>SUBMITTED", "SUBMITTED>APPROVED", "SUBMITTED>REJECTED", "SUBMITTED>NEEDS_INFO", "NEEDS_INFO>SUBMITTED", "APPROVED>SUSPENDED", "SUSPENDED>APPROVED", "REJECTED>DRAFT"]);

describe("merchant state machine", () => {
  it("allows exactly the listed transitions and refuses every other pair with invalid_transition", () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const allowed = ALLOWED.has(`${from}>${to}`);
        expect(merchantStates.can(from, to), `${from} → ${to}`).toBe(allowed);
        if (allowed) expect(() => merchantStates.assert(from, to)).not.toThrow();
        else expect(() => merchantStates.assert(from, to)).toThrow(expect.objectContaining({ code: "invalid_transition" }));
      }
    }
  });
});

describe("admin review", () => {
  beforeEach(resetDatabase);

  it("asks for more information, the merchant fixes it and resubmits, the admin approves at MEDIUM risk", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    const row = await submittedMerchant(merchant.actor);
    await inTransaction(prisma, (tx) =>
      decideApplication(tx, admin.actor, row.id, { decision: "NEEDS_INFO", fields: ["repMobile"], message: "请提供法人本人的手机号" }),
    );
    const asked = await prisma.merchantApplication.findUniqueOrThrow({ where: { merchantId: row.id } });
    expect(asked.needsInfoFields).toEqual(["repMobile"]);
    expect(asked.reviewMessage).toBe("请提供法人本人的手机号");
    expect(await prisma.notification.findMany({ where: { userId: merchant.id } })).toMatchObject([{ kind: "merchant.needsInfo" }]);

    await inTransaction(prisma, (tx) => saveRepresentativeStep(tx, merchant.actor, { ...VALID_REPRESENTATIVE, repMobile: "13900139000" }));
    await inTransaction(prisma, (tx) => submitApplication(tx, merchant.actor));
    await inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, row.id, { decision: "APPROVE", riskLevel: "MEDIUM" }));

    const approved = await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } });
    expect(approved).toMatchObject({ status: "APPROVED", riskLevel: "MEDIUM" });
    expect(await pricingFor(approved.riskLevel!)).toMatchObject({ feeRateBps: 100, reserveRateBps: 500 });
    const reviews = await prisma.merchantReview.findMany({ where: { merchantId: row.id }, orderBy: { id: "asc" } });
    expect(reviews.map((r) => `${r.fromStatus}>${r.toStatus}`)).toEqual(["DRAFT>SUBMITTED", "SUBMITTED>NEEDS_INFO", "NEEDS_INFO>SUBMITTED", "SUBMITTED>APPROVED"]);
    const audit = await prisma.auditLog.findMany({ where: { targetId: row.id, actorId: admin.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["merchant.needs_info", "merchant.approved"]);
    expect(audit[1]).toMatchObject({ before: { status: "SUBMITTED", riskLevel: null }, after: { status: "APPROVED", riskLevel: "MEDIUM" } });
  });

  it("rejects with a reason; a new application is possible only after the cooling-off period", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    const row = await submittedMerchant(merchant.actor);
    const clock = fixedClock("2026-11-01T00:00:00Z");
    await inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.reapplyCoolingDays", 10));
    await inTransaction(prisma, (tx) =>
      decideApplication(tx, admin.actor, row.id, { decision: "REJECT", reasonCode: "IDENTITY_MISMATCH", message: "证件与执照不符" }, clock),
    );
    clock.advance(9 * DAY);
    await expect(inTransaction(prisma, (tx) => startNewApplication(tx, merchant.actor, clock))).rejects.toMatchObject({ messageKey: "errors.cooling_off" });
    clock.advance(1 * DAY);
    await inTransaction(prisma, (tx) => startNewApplication(tx, merchant.actor, clock));
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DRAFT");
  });

  it("the reapply date the overview shows is exactly the first moment a new application is accepted", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    const row = await submittedMerchant(merchant.actor);
    const clock = fixedClock("2026-11-01T03:30:00Z");
    await inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, row.id, { decision: "REJECT", reasonCode: "IDENTITY_MISMATCH", message: "证件与执照不符" }, clock));
    const opensAt = await reapplyOpensAt(await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } }));
    expect(opensAt.toISOString()).toBe("2026-12-01T03:30:00.000Z"); // the default 30 days
    const at = (iso: number) => fixedClock(new Date(iso).toISOString());
    await expect(inTransaction(prisma, (tx) => startNewApplication(tx, merchant.actor, at(opensAt.getTime() - 1)))).rejects.toMatchObject({ messageKey: "errors.cooling_off" });
    await inTransaction(prisma, (tx) => startNewApplication(tx, merchant.actor, at(opensAt.getTime())));
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DRAFT");
  });

  it("suspends and reinstates an approved merchant with a reason; other transitions are refused", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    const row = await submittedMerchant(merchant.actor);
    await expect(inTransaction(prisma, (tx) => setSuspended(tx, admin.actor, row.id, true, { reason: "投诉过多" }))).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, row.id, { decision: "APPROVE", riskLevel: "LOW" }));
    await expect(inTransaction(prisma, (tx) => setSuspended(tx, admin.actor, row.id, true, { reason: " " }))).rejects.toThrow();
    await inTransaction(prisma, (tx) => setSuspended(tx, admin.actor, row.id, true, { reason: "投诉过多" }));
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("SUSPENDED");
    await expect(inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, row.id, { decision: "APPROVE", riskLevel: "LOW" }))).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await inTransaction(prisma, (tx) => setSuspended(tx, admin.actor, row.id, false, { reason: "整改完成" }));
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("APPROVED");
    const kinds = (await prisma.notification.findMany({ where: { userId: merchant.id }, orderBy: { id: "asc" } })).map((n) => n.kind);
    expect(kinds).toEqual(["merchant.approved", "merchant.suspended", "merchant.reinstated"]);
  });

  it("reused identity details are shown to the reviewer, and approving over them needs an acknowledgement", async () => {
    const admin = await createUser("ADMIN");
    const first = await submittedMerchant((await createUser("MERCHANT")).actor);
    const second = await submittedMerchant((await createUser("MERCHANT")).actor);
    const { matches } = await getMerchantForAdmin(prisma, admin.actor, second.id);
    expect(matches.map((m) => [m.field, m.merchantId])).toEqual([
      ["accountNumber", first.id],
      ["creditCode", first.id],
      ["repIdNumber", first.id],
    ]);
    await expect(inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, second.id, { decision: "APPROVE", riskLevel: "LOW" }))).rejects.toMatchObject({
      messageKey: "errors.identity_matches_unacknowledged",
      fieldErrors: { acknowledgeMatches: "errors.identity_matches_unacknowledged" },
    });
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("SUBMITTED");
    await inTransaction(prisma, (tx) => decideApplication(tx, admin.actor, second.id, { decision: "APPROVE", riskLevel: "LOW", acknowledgeMatches: "on" }));
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("APPROVED");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: second.id, action: "merchant.identity_matches_acknowledged" } });
    expect(audit.after).toMatchObject({ matches: [{ field: "accountNumber", merchantId: first.id }, { field: "creditCode" }, { field: "repIdNumber" }] });
    // A merchant with its own details has no matches.
    await prisma.merchantApplication.update({ where: { merchantId: first.id }, data: { creditCode: "91110000600037341L", repIdNumber: "110101199003074593", accountNumber: "6217000010001234567" } });
    expect((await getMerchantForAdmin(prisma, admin.actor, second.id)).matches).toEqual([]);
  });

  it("two admins deciding at once: exactly one decision wins", async () => {
    const [a1, a2] = [await createUser("ADMIN"), await createUser("ADMIN")];
    const merchant = await createUser("MERCHANT");
    const row = await submittedMerchant(merchant.actor);
    const results = await Promise.allSettled([
      inTransaction(prisma, (tx) => decideApplication(tx, a1.actor, row.id, { decision: "APPROVE", riskLevel: "HIGH" })),
      inTransaction(prisma, (tx) => decideApplication(tx, a2.actor, row.id, { decision: "REJECT", reasonCode: "OTHER", message: "不符合要求" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["invalid_transition"]);
    expect(await prisma.merchantReview.count({ where: { merchantId: row.id, fromStatus: "SUBMITTED" } })).toBe(1);
  });

  it("the queue shows submitted applications oldest first, with search; the detail page re-runs every check", async () => {
    const admin = await createUser("ADMIN");
    const first = await createUser("MERCHANT");
    const second = await createUser("MERCHANT");
    await createUser("MERCHANT"); // still a draft: not in the queue
    const a = await submittedMerchant(first.actor);
    const b = await submittedMerchant(second.actor);
    await prisma.merchant.update({ where: { id: a.id }, data: { submittedAt: new Date("2026-01-01T00:00:00Z") } });
    expect((await listMerchantsForReview(prisma, admin.actor)).map((m) => m.id)).toEqual([a.id, b.id]);
    expect((await listMerchantsForReview(prisma, admin.actor, { q: second.email })).map((m) => m.id)).toEqual([b.id]);
    expect(await listMerchantsForReview(prisma, admin.actor, { status: "ALL" })).toHaveLength(3);
    const detail = await getMerchantForAdmin(prisma, admin.actor, a.id);
    expect(detail.checks.every((c) => c.ok)).toBe(true);
    expect(detail.merchant.documents).toHaveLength(3);
  });

  it("merchants and buyers cannot decide, list or read applications", async () => {
    const merchant = await createUser("MERCHANT");
    const buyer = await createUser("BUYER");
    const row = await submittedMerchant(merchant.actor);
    for (const user of [merchant, buyer]) {
      await expect(inTransaction(prisma, (tx) => decideApplication(tx, user.actor, row.id, { decision: "APPROVE", riskLevel: "LOW" }))).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(listMerchantsForReview(prisma, user.actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(getMerchantForAdmin(prisma, user.actor, row.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await prisma.merchant.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("SUBMITTED");
  });
});

describe("settings", () => {
  beforeEach(resetDatabase);

  it("are typed and bounded, changed only by admins, and every change is audited", async () => {
    const admin = await createUser("ADMIN");
    const merchant = await createUser("MERCHANT");
    expect(await pricingFor("HIGH")).toMatchObject({ feeRateBps: 150, reserveRateBps: 1000 });
    await inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.feeRateBps.HIGH", 180));
    expect((await pricingFor("HIGH")).feeRateBps).toBe(180);
    await expect(inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.feeRateBps.HIGH", 1.5))).rejects.toMatchObject({ code: "validation" });
    await expect(inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "merchant.feeRateBps.HIGH", 5000))).rejects.toMatchObject({ code: "validation" });
    await expect(inTransaction(prisma, (tx) => updateSetting(tx, admin.actor, "no.such.setting", 1))).rejects.toMatchObject({ code: "not_found" });
    await expect(inTransaction(prisma, (tx) => updateSetting(tx, merchant.actor, "merchant.feeRateBps.HIGH", 0))).rejects.toMatchObject({ code: "forbidden" });
    expect((await pricingFor("HIGH")).feeRateBps).toBe(180);
    const audit = await prisma.auditLog.findMany({ where: { action: "setting.update" } });
    expect(audit).toMatchObject([{ actorId: admin.id, targetId: "merchant.feeRateBps.HIGH", before: { value: 150 }, after: { value: 180 } }]);
  });
});
