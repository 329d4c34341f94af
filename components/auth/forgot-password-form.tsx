"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(public)/forgot-password/actions";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** One answer whether or not the email has an account: "if it does, a link is on its way". */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  const submit = useSubmit(action);
  const fieldError = state && !state.ok ? state.error.fieldErrors?.email : undefined;
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate data-testid="forgot-password-form">
      {state?.ok ? (
        <Alert tone="success">
          <span data-testid="forgot-sent">{t("sent", { email: state.data.email })}</span>
        </Alert>
      ) : null}
      {state && !state.ok && !fieldError ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required error={fieldError} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
