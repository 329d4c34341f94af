import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(relative);
    return entry.name.endsWith(".tsx") ? [relative] : [];
  });
}

describe("forms", () => {
  it("every form submitted by script also has an action, so before the scripts load it posts instead of putting its fields in the URL", () => {
    const offenders: string[] = [];
    for (const file of [...tsxFiles("app"), ...tsxFiles("components")]) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const tag of source.match(/<[Ff]orm\b[^>]*>/g) ?? []) {
        if (tag.includes("onSubmit=") && !tag.includes("action=")) offenders.push(`${file}: ${tag}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
