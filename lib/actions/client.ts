import "server-only";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getSession, type SessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import type { ActionError, ActionResult } from "./result";
import { fieldErrorsFromZod, fieldLabel, translateFieldErrors, translateKey as translate } from "./translate-error";

async function toActionError(error: unknown, action: string): Promise<ActionError> {
  const t = await getTranslations();
  if (error instanceof z.ZodError) {
    const fieldErrors = fieldErrorsFromZod(t, error);
    return { code: "validation", message: t("errors.validation"), fieldErrors };
  }
  if (isDomainError(error)) {
    // Each field's own message names its field; the form shows them beside the fields (components/forms/form.tsx).
    const fieldErrors = error.fieldErrors ? translateFieldErrors(t, error.fieldErrors, error.params, error.fieldLabels) : undefined;
    // A message about one field ("{field}最多 2,000 个字") names the first field it is about.
    const first = Object.keys(error.fieldErrors ?? {})[0] ?? "_";
    const field = fieldLabel(t, first, error.fieldLabels && Object.hasOwn(error.fieldLabels, first) ? error.fieldLabels[first] : undefined);
    return { code: error.code, message: translate(t, error.messageKey, { ...error.params, field }), fieldErrors };
  }
  // Unexpected: the details go to the log under a request id, never to the user.
  const requestId = randomUUID();
  console.error(
    JSON.stringify({ level: "error", requestId, action, message: (error as Error)?.message, stack: (error as Error)?.stack }),
  );
  return { code: "unexpected", message: t("errors.unexpected", { requestId }), requestId };
}

function formToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const entries: [string, unknown][] = [];
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    // A repeated field (several files, checkboxes) arrives as an array; keys ending in [] always do.
    const values = input.getAll(key);
    entries.push([key.replace(/\[\]$/, ""), key.endsWith("[]") || values.length > 1 ? values : values[0]]);
  }
  // fromEntries defines own properties: a field named "__proto__" stays a field, never the object's prototype.
  return Object.fromEntries(entries);
}

/** Every action's input schema as it is built, so a test can check each field of each form against the input rules. */
export const actionSchemas: { name: string; schema: z.ZodType }[] = [];

type Handler<S extends z.ZodType, T, C> = (input: z.infer<S>, ctx: C) => Promise<T>;

/**
 * Builds a server action usable with useActionState: parse the input with zod, load the session once,
 * check the permission, run the handler, and map every failure to an ActionError the form can show.
 */
function build<S extends z.ZodType, T, C>(
  name: string,
  schema: S,
  context: () => Promise<C>,
  handler: Handler<S, T, C>,
) {
  actionSchemas.push({ name, schema });
  return async (_previous: unknown, input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    try {
      const ctx = await context();
      const parsed = schema.parse(formToObject(input));
      return { ok: true, data: await handler(parsed, ctx) };
    } catch (error) {
      return { ok: false, error: await toActionError(error, name) };
    }
  };
}

/** Anyone, signed in or not. The session (possibly null) is still passed along. */
export function publicAction<S extends z.ZodType, T>(name: string, schema: S, handler: Handler<S, T, { user: SessionUser | null }>) {
  return build(name, schema, async () => ({ user: await getSession() }), handler);
}

/** Signed-in users holding `permission` (lib/auth/permissions.ts). Tenant ids come from ctx.user, never the form. */
export function protectedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: Handler<S, T, { user: SessionUser }>,
) {
  return build(permission, schema, async () => {
    const user = await getSession();
    if (!user) throw new DomainError("unauthenticated");
    if (!can(user, permission)) throw new DomainError("forbidden");
    return { user };
  }, handler);
}
