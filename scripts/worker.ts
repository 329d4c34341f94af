/** The background job worker, started next to the web server by `npm start` (lib/jobs). */
import { prisma } from "@/lib/db/client";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { registerJobs, runPeriodicJobsOnce, scheduleJobs } from "@/lib/jobs/register";
import { JOBS } from "@/lib/jobs/registry";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set: the worker is started by `npm start`.");
  process.exit(1);
}

const boss = await startBoss(url);
await registerJobs(boss, JOBS);
await scheduleJobs(boss, JOBS);
await runPeriodicJobsOnce(boss, JOBS);
console.log(`Worker ready: ${JOBS.map((j) => (j.cron ? `${j.name} (${j.cron})` : j.name)).join(", ")}`);

// A terminal's Ctrl-C reaches this process directly, and npm start then sends SIGTERM: the first one stops
// pg-boss gracefully (running jobs finish, then its connections close) while the database still runs;
// npm start stops the database only after this process has exited.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stopBoss(boss);
      await prisma.$disconnect();
      console.log("Worker stopped");
    } catch (error) {
      console.error(`Worker stopped with an error: ${(error as Error).message}`);
    }
    process.exit(0);
  });
}
