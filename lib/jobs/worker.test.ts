import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/db";
import { startBoss, stopBoss, type Boss } from "./boss";
import { registerJobs } from "./register";
import { JOBS } from "./registry";

let boss: Boss;
const lines: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  boss = await startBoss(process.env.DATABASE_URL!);
  await registerJobs(boss, JOBS, { log: (line) => lines.push(line), pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBoss(boss, 2_000);
});

it("runs a purge job sent to pg-boss and the expired rows are gone", async () => {
  const past = new Date(Date.now() - 60_000);
  await prisma.idempotencyKey.create({ data: { scope: "u:test", key: "expired-key", requestHash: "h", expiresAt: past } });
  await prisma.idempotencyKey.create({ data: { scope: "u:test", key: "fresh-key", requestHash: "h", expiresAt: new Date(Date.now() + 3_600_000) } });

  const id = await boss.send("purge-expired", {});
  expect(id).toBeTruthy();
  const deadline = Date.now() + 20_000;
  let state: string | undefined;
  while (Date.now() < deadline) {
    state = (await boss.getJobById("purge-expired", id!))?.state;
    if (state === "completed" || state === "failed") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(state).toBe("completed");
  expect((await prisma.idempotencyKey.findMany()).map((k) => k.key)).toEqual(["fresh-key"]);
  expect(lines.some((line) => line.startsWith(`✔ purge-expired ${id}`))).toBe(true);
}, 30_000);

it("at start every periodic job runs once, so work missed while the worker was down is caught up", async () => {
  const { runPeriodicJobsOnce } = await import("./register");
  const sent = await runPeriodicJobsOnce(boss, JOBS);
  const periodic = JOBS.filter((j) => j.cron);
  expect(sent).toHaveLength(periodic.length);
  const deadline = Date.now() + 30_000;
  const done = new Set<string>();
  while (Date.now() < deadline && done.size < periodic.length) {
    for (const [i, job] of periodic.entries()) {
      const state = (await boss.getJobById(job.name, sent[i]))?.state;
      if (state === "completed") done.add(job.name);
      expect(state, `${job.name} must not fail`).not.toBe("failed");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  expect([...done].sort()).toEqual(periodic.map((j) => j.name).sort());
}, 40_000);
