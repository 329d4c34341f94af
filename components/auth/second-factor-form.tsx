"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondFactor } from "@/app/(public)/login/second-factor/actions";
import { Form } from "@/components/forms/form";
import { useSubmit } from "@/components/forms/use-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The code field: a code from the app (the first time, to confirm the set-up), or a recovery code. */
export function SecondFactorForm({ callbackUrl, enrolling }: { callbackUrl?: string; enrolling: boolean }) {
  const t = useTranslations("secondFactor");
  const [state, action, pending] = useActionState(secondFactor, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="second-factor-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        label={enrolling ? t("codeFromApp") : t("code")}
        hint={enrolling ? undefined : t("codeHint")}
        name="code"
        inputMode={enrolling ? "numeric" : "text"}
        autoComplete="one-time-code"
        autoFocus
       
      />
      <Button type="submit" disabled={pending} className="w-full" data-testid="second-factor-submit">
        {enrolling ? t("confirm") : t("submit")}
      </Button>
    </Form>
  );
}
