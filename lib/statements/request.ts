import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { calendarDay, oneOf } from "@/lib/http/search-params";
import { platformDayOf } from "@/lib/time/platform-day";
import { STATEMENT_ACCOUNT_TYPES, ownStatementAccount } from "./accounts";
import { dayPeriod, MAX_STATEMENT_DAYS, monthPeriod, type Period } from "./period";
import { statementSummary } from "./statement";

/** The statement pages' and downloads' query: an account, and a month or a date range (read with the helpers). */
export const STATEMENT_QUERY = {
  account: oneOf(STATEMENT_ACCOUNT_TYPES),
  month: z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/),
  from: calendarDay,
  to: calendarDay,
};

export type StatementQuery = { account?: (typeof STATEMENT_ACCOUNT_TYPES)[number]; month?: string; from?: string; to?: string };

/**
 * The period a query asks for: a range when both days are given and sane, else the month asked for, else this
 * month. A reversed or over-long range falls back to the month, with the reason for the page to say.
 */
export function statementPeriod(query: StatementQuery, now = new Date()): { period: Period; problem?: "reversed" | "too_long" } {
  const month = query.month ?? platformDayOf(now).slice(0, 7);
  if (query.from && query.to) {
    if (query.from > query.to) return { period: monthPeriod(month), problem: "reversed" };
    try {
      return { period: dayPeriod(query.from, query.to) };
    } catch {
      return { period: monthPeriod(month), problem: "too_long" };
    }
  }
  return { period: monthPeriod(month) };
}

export { MAX_STATEMENT_DAYS };

/** The actor's own account of the asked type (the wallet by default) with the period's figures; not_found otherwise. */
export async function loadStatement(db: PrismaClient, actor: Actor, query: StatementQuery) {
  const account = await ownStatementAccount(db, actor, query.account ?? "WALLET");
  const { period, problem } = statementPeriod(query);
  const summary = await statementSummary(db, account.id, period);
  return { account, period, problem, summary };
}
