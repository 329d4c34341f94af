import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Uploaded documents live outside the web root, in the data folder, named by their SHA-256 (the same bytes
 * are stored once). ANXIN_UPLOAD_DIR overrides the place.
 */
export function uploadDir(): string {
  return path.resolve(process.env.ANXIN_UPLOAD_DIR ?? path.join(process.env.ANXIN_DATA_DIR ?? ".data", "uploads"));
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const pathFor = (sha256: string) => path.join(uploadDir(), sha256.slice(0, 2), sha256);

export async function storeBytes(bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Of(bytes);
  const target = pathFor(sha256);
  await mkdir(path.dirname(target), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  return sha256;
}

export const readBytes = (sha256: string) => readFile(pathFor(sha256));
