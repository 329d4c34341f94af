"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/client";
import { clientIp } from "@/lib/auth/client-ip";
import { forgotPasswordSchema, requestPasswordReset } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { DELIVER_EMAILS_JOB } from "@/lib/email/queue";
import { enqueue } from "@/lib/jobs/enqueue";

/**
 * "Forgot password". The answer is the same whether or not an account has this email; the email itself is
 * sent by the worker, asked to run now (its periodic run would catch it within a minute anyway).
 */
export const forgotPasswordAction = publicAction("auth.forgot_password", forgotPasswordSchema, async ({ email }) => {
  await requestPasswordReset(prisma, { email, ip: clientIp(await headers()) });
  await enqueue(DELIVER_EMAILS_JOB, {});
  return { email };
});
