import PgBoss from "pg-boss";

let sender: Promise<PgBoss> | undefined;
const queues = new Set<string>();

/** A pg-boss client that only sends: no maintenance, no schedules (the worker process does those). */
async function startSender() {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, supervise: false, schedule: false, application_name: "anxin-web" });
  boss.on("error", (error) => console.error(JSON.stringify({ level: "error", at: "jobs.sender", message: error.message })));
  await boss.start();
  return boss;
}

/**
 * Queues a job from the web process, after the change it follows has committed. A failure is logged, not
 * thrown: every job here is also caught by a periodic sweep, so a lost message only delays the work.
 */
export async function enqueue(name: string, data: object, options: PgBoss.SendOptions = {}) {
  try {
    sender ??= startSender();
    const boss = await sender;
    if (!queues.has(name)) {
      await boss.createQueue(name);
      queues.add(name);
    }
    await boss.send(name, data, options);
  } catch (error) {
    sender = undefined;
    console.error(JSON.stringify({ level: "error", at: "jobs.enqueue", job: name, message: (error as Error).message }));
  }
}
