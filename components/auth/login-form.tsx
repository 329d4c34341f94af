"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { login } from "@/app/(public)/login/actions";
import { useSubmit } from "@/components/forms/use-submit";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * The form's action is the sign-in server action, so it posts even before the scripts have loaded (the
 * password is never put in a URL). Errors never say whether the email exists.
 */
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(login, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="login-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full" data-testid="login-submit">
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </Form>
  );
}
