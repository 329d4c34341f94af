"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/_actions/account";
import { Form } from "@/components/forms/form";
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
  return (
    <Form state={state} formRef={form} action={action} onSubmit={submit} className="space-y-3" data-testid="change-password-form">
      {state?.ok ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" required hint={t("passwordRules")} />
      <Field label={t("confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("passwordSubmit")}
      </Button>
    </Form>
  );
}
