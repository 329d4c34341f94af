import type { Boss } from "./boss";
import type { JobDefinition } from "./registry";

type Options = { log?: (line: string) => void; pollingIntervalSeconds?: number };

/** Creates each job's queue and a worker for it that logs one line per job run. */
export async function registerJobs(boss: Boss, jobs: JobDefinition[], { log = console.log, pollingIntervalSeconds }: Options = {}) {
  for (const job of jobs) {
    await boss.createQueue(job.name);
    const workOptions = pollingIntervalSeconds ? { pollingIntervalSeconds } : {};
    await boss.work(job.name, workOptions, async (batch) => {
      const outputs = [];
      for (const run of batch) {
        const started = performance.now();
        try {
          const output = await job.handler(run.data);
          log(`✔ ${job.name} ${run.id} in ${Math.round(performance.now() - started)} ms ${JSON.stringify(output ?? null)}`);
          outputs.push(output);
        } catch (error) {
          log(`✖ ${job.name} ${run.id} failed after ${Math.round(performance.now() - started)} ms: ${(error as Error)?.message}`);
          throw error;
        }
      }
      return outputs.length === 1 ? outputs[0] : outputs;
    });
  }
}

/** Schedules the cron jobs, and removes schedules of jobs no longer in the list. */
export async function scheduleJobs(boss: Boss, jobs: JobDefinition[]) {
  for (const job of jobs) if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
  const wanted = new Set(jobs.filter((j) => j.cron).map((j) => j.name));
  for (const schedule of await boss.getSchedules()) if (!wanted.has(schedule.name)) await boss.unschedule(schedule.name);
}

/**
 * pg-boss only sends a cron run whose time passed less than a minute ago, so runs missed while the worker was
 * down are never sent. Every periodic job is a catch-up over what is due (lib/jobs/batch.ts), so one run of each
 * at start does all the missed work.
 */
export async function runPeriodicJobsOnce(boss: Boss, jobs: JobDefinition[]) {
  const sent: string[] = [];
  for (const job of jobs) {
    if (!job.cron) continue;
    const id = await boss.send(job.name, { reason: "catch-up at start" });
    if (id) sent.push(id);
  }
  return sent;
}
