"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { registerSchema, registerUser } from "@/lib/auth/register";
import { homeFor } from "@/lib/auth/permissions";
import { startSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { singleLine } from "@/lib/validation/text";

const schema = z.intersection(registerSchema, z.object({ callbackUrl: singleLine({ max: 2000 }).optional() }));

const attempt = publicAction("auth.register", schema, async ({ callbackUrl, ...input }) => {
  const user = await inTransaction(prisma, (tx) => registerUser(tx, input));
  await startSession(user);
  return { to: safeRedirectPath(callbackUrl) ?? homeFor(user.role) };
});

/** Sign-up, then signed in at once. Posts with or without JavaScript, like sign-in. */
export async function register(previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const result = await attempt(previous, form);
  if (result.ok) redirect(result.data.to);
  return result;
}
