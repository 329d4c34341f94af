"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(public)/forgot-password/actions";
import { Form } from "@/components/forms/form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** One answer whether or not the email has an account: "if it does, a link is on its way". */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="forgot-password-form">
      {state?.ok ? (
        <Alert tone="success">
          <span data-testid="forgot-sent">{t("sent", { email: state.data.email })}</span>
        </Alert>
      ) : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("sending") : t("submit")}
      </Button>
    </Form>
  );
}
