import type { Actor } from "@/lib/auth/actor";
import { dateTime, identifier } from "@/lib/csv/cell-policy";
import { csvStream } from "@/lib/csv/stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "./filters";
import { auditEntries } from "./list";

export const AUDIT_CSV_COLUMNS = ["id", "time", "actor", "action", "actionCode", "target", "targetId", "before", "after"] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];
export type AuditCsvLabels = { heading: (c: AuditCsvColumn) => string; action: (code: string) => string; target: (code: string) => string };

/**
 * The filtered audit log as CSV (UTF-8 with BOM, streamed a page at a time): the entry's time in Beijing time, who,
 * the action in words and as its code, the target, and the values before and after as JSON. Every cell goes through
 * the one cell policy: a note that starts like a formula stays text.
 */
export function auditCsv(db: PrismaClient, actor: Actor, filters: AuditFilters, labels: AuditCsvLabels): ReadableStream<Uint8Array> {
  async function* rows() {
    for await (const e of auditEntries(db, actor, filters)) {
      yield [
        identifier(e.id.toString()),
        dateTime(e.createdAt),
        e.actorEmail ?? "",
        labels.action(e.action),
        e.action,
        labels.target(e.targetType),
        e.targetId,
        e.before == null ? "" : JSON.stringify(e.before),
        e.after == null ? "" : JSON.stringify(e.after),
      ];
    }
  }
  return csvStream(AUDIT_CSV_COLUMNS.map((c) => labels.heading(c)), rows());
}
