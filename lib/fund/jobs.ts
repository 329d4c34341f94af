import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Clock, systemClock } from "@/lib/time/clock";
import { accrueFundYield } from "./accrue";
import { settleDueRedemptions } from "./redeem";
import { sweepIdleBalances } from "./sweep";

// Cron times are UTC: 16:05 UTC is 00:05 in Asia/Shanghai, just after the day being accrued has ended.
export const fundJobs = (db: PrismaClient, clock: Clock = systemClock) => [
  { name: "fund.accrue-yield", cron: "5 16 * * *", handler: () => accrueFundYield(db, clock) },
  { name: "fund.sweep", cron: "10 16 * * *", handler: () => sweepIdleBalances(db) },
  { name: "fund.settle-redemptions", cron: "*/10 * * * *", handler: () => settleDueRedemptions(db, clock) },
];
