import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every action's input schema and every zod schema exported from lib/, imported for real, and the fields of
 * a schema: shared by the tests that check each field of each form (text rules, labels). The importing test
 * file mocks what needs a Next.js request ("server-only", the session, next-intl/server).
 */
const root = path.resolve(import.meta.dirname, "..");
const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });

/** Every server action (files marked "use server") and every zod schema exported from lib/: none can be forgotten. */
export async function allSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const { actionSchemas } = await import("@/lib/actions/client");
  const found: { name: string; schema: z.ZodType }[] = [];
  const files = [...sourceFiles("app"), ...sourceFiles("lib")];
  for (const file of files.filter((f) => readFileSync(path.join(root, f), "utf8").startsWith('"use server"'))) {
    const before = actionSchemas.length;
    await import(/* @vite-ignore */ path.join(root, file));
    actionSchemas.slice(before).forEach((a, i) => found.push({ name: `${file} action #${i + 1} (${a.name})`, schema: a.schema }));
  }
  for (const file of files.filter((f) => f.startsWith("lib") && /from "zod"/.test(readFileSync(path.join(root, f), "utf8")))) {
    const module = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof z.ZodType) found.push({ name: `${file} ${name}`, schema: value });
  }
  return found;
}

type Def = { type: string; [key: string]: unknown };
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
export const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The fields of a schema: the leaves people type into, with their dotted path. */
export function fieldsOf(schema: z.ZodType, at = ""): { path: string; schema: z.ZodType }[] {
  const def = defOf(schema);
  const child = (key: string) => (at ? `${at}.${key}` : key);
  if (WRAPPERS.has(def.type)) return fieldsOf(def.innerType as z.ZodType, at);
  if (def.type === "pipe" && isContainer(def.in as z.ZodType)) return fieldsOf(def.in as z.ZodType, at);
  if (def.type === "object") return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) => (isContainer(v) ? fieldsOf(v, child(k)) : [{ path: child(k), schema: v }]));
  if (def.type === "record") return [{ path: child("*"), schema: def.valueType as z.ZodType }];
  if (def.type === "array") return isContainer(def.element as z.ZodType) ? fieldsOf(def.element as z.ZodType, child("0")) : [{ path: child("0"), schema: def.element as z.ZodType }];
  if (def.type === "union") return (def.options as z.ZodType[]).flatMap((o) => fieldsOf(o, at));
  if (def.type === "intersection") return [...fieldsOf(def.left as z.ZodType, at), ...fieldsOf(def.right as z.ZodType, at)];
  return [{ path: at || "(value)", schema }];
}

export function isContainer(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return isContainer(def.innerType as z.ZodType);
  if (def.type === "pipe") return isContainer(def.in as z.ZodType);
  if (def.type === "union") return (def.options as z.ZodType[]).some(isContainer);
  return ["object", "record", "array", "intersection"].includes(def.type);
}
