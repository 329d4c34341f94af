/** What every server action returns to its form: data, or an error already in the user's language. */
export type ActionError = { code: string; message: string; fieldErrors?: Record<string, string>; requestId?: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
export type FormState<T> = ActionResult<T> | null;
