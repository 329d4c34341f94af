import { spawn } from "node:child_process";
import path from "node:path";
import { StartupError } from "./startup-error";

const prismaBin = path.resolve(process.cwd(), "node_modules", ".bin", "prisma");

/** Applies pending migrations (`prisma migrate deploy`) to the database at `url`. */
export function migrateDeploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    child.stdout.on("data", (d) => {
      output += d;
      // The CLI lingers ~10 s on an idle pool after its work is done; its success line is the answer.
      if (!done && /All migrations have been successfully applied|No pending migrations to apply/.test(output)) {
        done = true;
        child.kill("SIGTERM");
        resolve();
      }
    });
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (done) return;
      if (code === 0) return resolve();
      const reason = output.split("\n").filter((l) => /error|P\d{4}/i.test(l)).slice(0, 3).join(" ");
      reject(new StartupError(`Applying database migrations failed: ${reason || output.trim().slice(-300)}`));
    });
  });
}
