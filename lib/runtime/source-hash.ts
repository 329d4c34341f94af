import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

/** Everything `next build` reads from the project (the generated Prisma client follows schema.prisma). */
export const SOURCE_DIRS = ["app", "components", "lib", "messages", "public"];
export const SOURCE_FILES = [
  "next.config.js",
  "proxy.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const EXCLUDED = new Set(["lib/generated"]);

async function listFiles(root: string, dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (EXCLUDED.has(relative)) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/** SHA-256 over the names and contents of the build's inputs: a rename or a new file changes it too. */
export async function sourceHash(root: string): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((dir) => listFiles(root, dir)))).flat(),
    ...SOURCE_FILES.filter((file) => existsSync(path.join(root, file))),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await fs.readFile(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
