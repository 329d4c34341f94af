"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(public)/reset-password/[token]/actions";
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
  const fieldError = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  // A token that is not a link's (the hidden field altered) gets the answer of an unknown link.
  const tokenError = fieldError("token");
  const linkDead = (state && !state.ok && state.error.code === "not_found") || !!tokenError;
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate data-testid="reset-password-form">
      {state && !state.ok && (!state.error.fieldErrors || tokenError) ? (
        <Alert tone="error">
          {tokenError ?? state.error.message}
          {linkDead ? (
            <Link href="/forgot-password" className="mt-1 block font-medium underline">
              {t("askAgain")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" required hint={tAccount("passwordRules")} error={fieldError("password")} />
      <Field label={t("confirm")} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldError("confirmPassword")} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
