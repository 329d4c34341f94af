import PgBoss from "pg-boss";

export type Boss = PgBoss;

/** A started pg-boss on `connectionString` (it keeps its tables in the "pgboss" schema). */
export async function startBoss(connectionString: string, log: (line: string) => void = console.error): Promise<Boss> {
  const boss = new PgBoss({ connectionString, max: 4, application_name: "anxin-worker" });
  // Without a listener an "error" event (e.g. a lost connection during maintenance) would crash the process.
  boss.on("error", (error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  return boss;
}

/** Lets running jobs finish (up to `timeoutMs`), then closes the connections. */
export async function stopBoss(boss: Boss, timeoutMs = 10_000) {
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
