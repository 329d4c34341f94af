import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Clock, systemClock } from "@/lib/time/clock";
import { accrueLoanInterest } from "./accrue";
import { collectDue } from "./collect";
import { monitorBorrowers } from "./monitor";
import { computeOffers } from "./offers";

// Cron times are UTC; Asia/Shanghai is UTC+8. The accrual runs just after the day it accrues has ended; collection
// hourly (the money may arrive in the wallet at any time of the due day); offers and monitoring at night.
export const creditJobs = (db: PrismaClient, clock: Clock = systemClock) => [
  { name: "credit.accrue", cron: "3 16 * * *", handler: () => accrueLoanInterest(db, clock) },
  { name: "credit.collect", cron: "15 * * * *", handler: () => collectDue(db, clock) },
  { name: "credit.offers", cron: "0 18 * * *", handler: () => computeOffers(db, clock) },
  { name: "credit.monitor", cron: "0 19 * * *", handler: () => monitorBorrowers(db, clock) },
];
