"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import type { ActionResult } from "@/lib/actions/result";
import { homeFor } from "@/lib/auth/permissions";
import { RECOVERY_COOKIE } from "@/lib/auth/second-factor";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { singleLine } from "@/lib/validation/text";

const done = protectedAction("admin.view", z.object({ callbackUrl: singleLine({ max: 2000 }).optional() }), async (input) => {
  // Saved: the codes are not shown again.
  (await cookies()).delete({ name: RECOVERY_COOKIE, path: "/login/recovery-codes" });
  return { to: safeRedirectPath(input.callbackUrl) ?? homeFor("ADMIN") };
});

export async function recoveryCodesSaved(previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const result = await done(previous, form);
  if (result.ok) redirect(result.data.to);
  return result;
}
