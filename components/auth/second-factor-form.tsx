"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondFactor } from "@/app/(public)/login/second-factor/actions";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The code field: a code from the app (the first time, to confirm the set-up), or a recovery code. */
export function SecondFactorForm({ callbackUrl, enrolling }: { callbackUrl?: string; enrolling: boolean }) {
  const t = useTranslations("secondFactor");
  const [state, action, pending] = useActionState(secondFactor, null);
  const submit = useSubmit(action);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate data-testid="second-factor-form">
      {error && !error.fieldErrors ? <Alert tone="error">{error.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        label={enrolling ? t("codeFromApp") : t("code")}
        hint={enrolling ? undefined : t("codeHint")}
        name="code"
        inputMode={enrolling ? "numeric" : "text"}
        autoComplete="one-time-code"
        autoFocus
        error={error?.fieldErrors?.code}
      />
      <Button type="submit" disabled={pending} className="w-full" data-testid="second-factor-submit">
        {enrolling ? t("confirm") : t("submit")}
      </Button>
    </form>
  );
}
