import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The routes and server actions of the app, read from the file tree, so the isolation and query-string
 * tests (Vitest and Playwright) cover a new one without anyone having to remember to list it.
 */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

function walk(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(relative) : [relative];
  });
}

/** Every file under app/, relative to the project root. */
export const appFiles = () => walk("app").sort();

export type AppRoute = { file: string; kind: "page" | "route"; pattern: string };

/**
 * Each page.tsx and route.ts as its URL pattern, e.g. "/merchant/orders/[id]": route groups "(public)"
 * are not part of the URL, private folders "_x" are not routes at all.
 */
export function appRoutes(): AppRoute[] {
  return appFiles()
    .map((file) => ({ file, match: file.match(/^app((?:\/[^/]+)*)\/(page\.tsx|route\.ts)$/) }))
    .filter(({ match }) => match && !match[1].split("/").some((s) => s.startsWith("_")))
    .map(({ file, match }) => {
      const segments = match![1].split("/").filter((s) => s && !/^\(.*\)$/.test(s));
      return { file, kind: match![2] === "page.tsx" ? "page" : "route", pattern: `/${segments.join("/")}` } as const;
    });
}

/** Every module under app/ and lib/ that starts with "use server": each export is a server action. */
export function serverActionModules(): string[] {
  return [...walk("app"), ...walk("lib").filter((f) => !f.startsWith("lib/generated/"))]
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.ts$/.test(file))
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(path.join(PROJECT_ROOT, file), "utf8")))
    .sort();
}
