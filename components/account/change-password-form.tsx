"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/_actions/account";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Current password, new password twice. Posts even before the scripts load (no password in a URL). */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const submit = useSubmit(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const fieldError = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  return (
    <form ref={form} action={action} onSubmit={submit} className="space-y-3" noValidate data-testid="change-password-form">
      {state?.ok ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError("currentPassword")} />
      <Field label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" required hint={t("passwordRules")} error={fieldError("newPassword")} />
      <Field label={t("confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldError("confirmPassword")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("passwordSubmit")}
      </Button>
    </form>
  );
}
