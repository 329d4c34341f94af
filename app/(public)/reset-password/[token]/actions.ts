"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { resetPassword, resetPasswordSchema } from "@/lib/auth/password-reset";
import { endSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

const attempt = publicAction("auth.reset_password", resetPasswordSchema, async (input) => {
  await inTransaction(prisma, (tx) => resetPassword(tx, input));
  // Every session of the account ended; whatever this browser held is forgotten too, so the next step is
  // signing in with the new password.
  await endSession();
  return { done: true };
});

/** Sets the new password from the link, then sends the browser to sign in. Posts with or without JavaScript. */
export async function resetPasswordAction(previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const result = await attempt(previous, form);
  if (result.ok) redirect("/login?reset=1");
  return result;
}
