"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(public)/reset-password/[token]/actions";
import { Form } from "@/components/forms/form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The new password twice; on success the action sends the browser to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  const tAccount = useTranslations("account");
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const submit = useSubmit(action);
  // A token that is not a link's (the hidden field altered) gets the answer of an unknown link.
  const tokenError = state && !state.ok ? state.error.fieldErrors?.token : undefined;
  const linkDead = (state && !state.ok && state.error.code === "not_found") || !!tokenError;
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="reset-password-form">
      {/* The form says why above; a dead link also gets the way to a new one. */}
      {linkDead ? (
        <Link href="/forgot-password" className="block font-medium underline">
          {t("askAgain")}
        </Link>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" required hint={tAccount("passwordRules")} />
      <Field label={t("confirm")} name="confirmPassword" type="password" autoComplete="new-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("saving") : t("submit")}
      </Button>
    </Form>
  );
}
