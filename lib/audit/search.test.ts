import { beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/db/transaction";
import { readSearchParams as readParams } from "@/lib/http/search-params";
import { parseCsv, readText } from "@/tests/csv";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser } from "@/tests/fixtures";
import { auditCsv } from "./csv";
import { AUDIT_QUERY, auditFilters, isReversed } from "./filters";
import { auditEntry, listAudit } from "./list";
import { recordAudit } from "./record";

const labels = { heading: (c: string) => c, action: (a: string) => `label:${a}`, target: (t: string) => `target:${t}` };

/** Entries on known days (Beijing time), by two admins, on two kinds of target. */
async function history() {
  const alice = await createUser("ADMIN", { email: "alice-risk@test.anxin", adminRole: "RISK" });
  const bob = await createUser("ADMIN", { email: "bob-finance@test.anxin", adminRole: "FINANCE" });
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
  const rows = [
    { by: alice, action: "setting.update", targetType: "setting", targetId: "order.extendDays", before: { value: 3 }, after: { value: 4 }, at: at("2026-11-01", 0) },
    { by: bob, action: "fund.rate_set", targetType: "fund_rate", targetId: "r1", before: null, after: { per10kE4: "4795" }, at: at("2026-11-01", 23) },
    { by: alice, action: "merchant.approved", targetType: "merchant", targetId: "m1", before: { status: "SUBMITTED" }, after: { status: "APPROVED", note: "=HYPERLINK(\"x\")" }, at: at("2026-11-02", 9) },
    { by: bob, action: "setting.update", targetType: "setting", targetId: "order.autoConfirmDays", before: { value: 10 }, after: { value: 12 }, at: at("2026-11-03", 12) },
  ];
  for (const r of rows) {
    await inTransaction(prisma, (tx) => recordAudit(tx, { actorId: r.by.id, action: r.action as never, targetType: r.targetType as never, targetId: r.targetId, before: r.before as never, after: r.after as never }));
    await prisma.auditLog.updateMany({ where: { targetId: r.targetId, action: r.action }, data: { createdAt: r.at } });
  }
  const reader = await createUser("ADMIN", { adminRole: "SUPER_ADMIN" });
  return { alice, bob, reader };
}

describe("the audit log viewer", () => {
  beforeEach(resetDatabase);

  it("each filter narrows: actor by any part of the email or by id, action, target kind and id, and days in Beijing time, both ends included", async () => {
    const { alice, bob, reader } = await history();
    const ids = async (f: Parameters<typeof listAudit>[2]) => (await listAudit(prisma, reader.actor, f)).entries.map((e) => e.targetId);
    expect(await ids({})).toEqual(["order.autoConfirmDays", "m1", "r1", "order.extendDays"]);
    expect(await ids({ actor: "ALICE" })).toEqual(["m1", "order.extendDays"]);
    expect(await ids({ actor: bob.id })).toEqual(["order.autoConfirmDays", "r1"]);
    expect(await ids({ actor: "nobody-like-this" })).toEqual([]);
    expect(await ids({ action: "setting.update" })).toEqual(["order.autoConfirmDays", "order.extendDays"]);
    expect(await ids({ targetType: "merchant" })).toEqual(["m1"]);
    expect(await ids({ targetId: "r1" })).toEqual(["r1"]);
    // 2026-11-01 00:00 and 23:00 in Beijing are both that day; the 2nd alone is one entry.
    expect(await ids({ from: "2026-11-01", to: "2026-11-01" })).toEqual(["r1", "order.extendDays"]);
    expect(await ids({ from: "2026-11-02", to: "2026-11-02" })).toEqual(["m1"]);
    expect(await ids({ from: "2026-11-02" })).toEqual(["order.autoConfirmDays", "m1"]);
    expect(await ids({ actor: "alice", action: "setting.update", to: "2026-11-02" })).toEqual(["order.extendDays"]);
    expect(alice.id).not.toBe(bob.id);
  });

  it("pages follow each other without gaps or repeats, with the filters kept", async () => {
    const { reader } = await history();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit(prisma, reader.actor, { limit: 1, cursor, action: "setting.update" });
      seen.push(...page.entries.map((e) => e.targetId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["order.autoConfirmDays", "order.extendDays"]);
  });

  it("hostile or malformed filters in the query string are dropped one by one, never reaching a query; a reversed range is recognised", () => {
    const q = readParams({ actor: "a".repeat(5_000), action: "drop table", target: "merchant", from: "2026-02-31", to: "2026-11-01", cursor: "-1", targetId: "x'; --" }, AUDIT_QUERY);
    expect(q).toEqual({ target: "merchant", to: "2026-11-01" });
    expect(isReversed(auditFilters(readParams({ from: "2026-11-05", to: "2026-11-01" }, AUDIT_QUERY)))).toBe(true);
  });

  it("an entry's detail lists every field before and after and marks what changed; an unknown id is not found; support staff are refused", async () => {
    const { reader } = await history();
    const row = await prisma.auditLog.findFirstOrThrow({ where: { targetId: "m1" } });
    const { entry, changes } = await auditEntry(prisma, reader.actor, row.id.toString());
    expect(entry.actorEmail).toBe("alice-risk@test.anxin");
    expect(changes).toEqual([
      { field: "status", before: "SUBMITTED", after: "APPROVED", changed: true },
      { field: "note", before: undefined, after: '=HYPERLINK("x")', changed: true },
    ]);
    await expect(auditEntry(prisma, reader.actor, "999999")).rejects.toMatchObject({ code: "not_found" });
    await expect(auditEntry(prisma, reader.actor, "1; DROP")).rejects.toMatchObject({ code: "not_found" });
    const support = await createUser("ADMIN", { adminRole: "SUPPORT" });
    await expect(auditEntry(prisma, support.actor, row.id.toString())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the CSV holds exactly the filtered entries, newest first, and a note that starts like a formula stays text", async () => {
    const { reader } = await history();
    const rows = parseCsv(await readText(auditCsv(prisma, reader.actor, { actor: "alice" }, labels)));
    expect(rows[0]).toEqual(["id", "time", "actor", "action", "actionCode", "target", "targetId", "before", "after"]);
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.map((r) => r[6])).toEqual(["m1", "order.extendDays"]);
    expect(body[0]).toMatchObject({ 1: "2026-11-02 09:00:00", 2: "alice-risk@test.anxin", 3: "label:merchant.approved", 4: "merchant.approved", 5: "target:merchant" });
    expect(body[0][8]).toContain("HYPERLINK");
    expect(body[0][8].startsWith("'") || !body[0][8].startsWith("=")).toBe(true);
    const all = parseCsv(await readText(auditCsv(prisma, reader.actor, {}, labels))).slice(1).filter((r) => r.length > 1);
    expect(all).toHaveLength(4);
  });
});
