import { readFileSync } from "node:fs";

let list: Set<string> | undefined;

/**
 * The shipped list of common passwords (common-passwords.txt beside this file), read once. Only entries of at
 * least 10 characters are in it: shorter passwords are refused by length before the list is asked.
 */
function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
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
