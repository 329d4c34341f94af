import { readFileSync } from "node:fs";
import path from "node:path";

let list: Set<string> | undefined;

/**
 * The shipped list of common passwords (common-passwords.txt beside this file), read once. Only entries of at
 * least 10 characters are in it: shorter passwords are refused by length before the list is asked.
 */
function commonPasswords(): Set<string> {
  list ??= new Set(
    // From the project folder (every entry point runs there): a path the bundler leaves as a file on disk,
    // where `new URL(..., import.meta.url)` would turn it into a public static asset.
    readFileSync(path.join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return list;
}

/** Case does not make a listed password safer, nor do spaces around it. */
export function isCommonPassword(password: string): boolean {
  const folded = password.toLowerCase();
  const set = commonPasswords();
  return set.has(folded) || set.has(folded.trim());
}
