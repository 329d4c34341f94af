import { StartupError } from "@/lib/db/startup-error";

/** A problem the user can fix is one line; anything else also gets its stack, for a bug report. */
export function reportError(error: unknown) {
  if (error instanceof StartupError) {
    console.error(`✖ ${error.message}`);
    return;
  }
  const e = error as Error;
  console.error(`✖ Unexpected error: ${e?.message ?? String(error)}`);
  if (e?.stack) console.error(e.stack);
}
