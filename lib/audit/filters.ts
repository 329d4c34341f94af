import { z } from "zod";
import { bigintCursor, calendarDay, oneOf, searchText, type SearchValues } from "@/lib/http/search-params";
import { AUDIT_ACTIONS, AUDIT_TARGETS } from "./actions";

/** The audit log's filters, as the page and the CSV download read them from the query string. */
export const AUDIT_QUERY = {
  actor: searchText(100),
  action: oneOf(AUDIT_ACTIONS as unknown as readonly [string, ...string[]]),
  target: oneOf(AUDIT_TARGETS),
  targetId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
  from: calendarDay,
  to: calendarDay,
  cursor: bigintCursor,
};
export type AuditQuery = SearchValues<typeof AUDIT_QUERY>;

export type AuditFilters = { actor?: string; action?: string; targetType?: string; targetId?: string; from?: string; to?: string };

export const auditFilters = (q: AuditQuery): AuditFilters => ({ actor: q.actor, action: q.action, targetType: q.target, targetId: q.targetId, from: q.from, to: q.to });

/** A range whose end is before its start names no day: the page says so instead of showing nothing. */
export const isReversed = (f: Pick<AuditFilters, "from" | "to">) => Boolean(f.from && f.to && f.to < f.from);

/** The query string of a set of filters (for paging and the CSV link), empty values left out. */
export function auditQueryString(f: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams();
  const set = (k: string, v: string | undefined) => (v ? params.set(k, v) : undefined);
  set("actor", f.actor);
  set("action", f.action);
  set("target", f.targetType);
  set("targetId", f.targetId);
  set("from", f.from);
  set("to", f.to);
  set("cursor", cursor);
  const s = params.toString();
  return s ? `?${s}` : "";
}
