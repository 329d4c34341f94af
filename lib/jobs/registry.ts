import { prisma } from "@/lib/db/client";
import { systemClock } from "@/lib/time/clock";
import { enforceDisputeDeadlines } from "@/lib/disputes/deadlines";
import { creditJobs } from "@/lib/credit/jobs";
import { escrowJobs } from "@/lib/escrow/jobs";
import { fundJobs } from "@/lib/fund/jobs";
import { deliverDueEmails } from "@/lib/email/deliver";
import { DELIVER_EMAILS_JOB } from "@/lib/email/queue";
import { transportFromEnv } from "@/lib/email/transport";
import { sendDisputeReminders } from "@/lib/notifications/dispute-reminders";
import { purgeExpired } from "./purge-expired";


export type JobDefinition = {
  /** Also the pg-boss queue name. */
  name: string;
  /** Cron expression (UTC) when the job runs on a schedule. */
  cron?: string;
  /** Gets the job's data; what it returns is logged and kept as the job's output. */
  handler: (data: unknown) => Promise<unknown>;
};

/** Every background job. A new feature adds its entry here; the worker picks it up. */
export const JOBS: JobDefinition[] = [
  { name: "purge-expired", cron: "*/10 * * * *", handler: () => purgeExpired(prisma, systemClock) },
  ...escrowJobs(prisma, systemClock),
  ...fundJobs(prisma, systemClock),
  ...creditJobs(prisma, systemClock),
  { name: "disputes.deadlines", cron: "* * * * *", handler: () => enforceDisputeDeadlines(prisma, systemClock) },
  { name: "disputes.reminders", cron: "*/5 * * * *", handler: () => sendDisputeReminders(prisma, systemClock) },
  { name: DELIVER_EMAILS_JOB, cron: "* * * * *", handler: () => deliverDueEmails(prisma, transportFromEnv(), systemClock) },
];
