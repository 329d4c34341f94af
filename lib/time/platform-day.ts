import { DAY } from "./clock";

/**
 * The platform's calendar days are Asia/Shanghai days (UTC+8, no daylight saving). A day is written
 * "yyyy-mm-dd"; these convert between days and instants without the server's own time zone.
 */
const OFFSET_MS = 8 * 3_600_000;

/** The platform day an instant falls on. */
export const platformDayOf = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The first instant of a platform day. */
export const platformDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);

/** The day `n` days after (or before) `day`. */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Every day from `first` to `last`, both included, in order. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A "yyyy-mm-dd" as the UTC-midnight Date that PostgreSQL DATE columns take through Prisma. */
export const dateColumn = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const fromDateColumn = (date: Date): string => date.toISOString().slice(0, 10);
