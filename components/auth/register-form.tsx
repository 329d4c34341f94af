"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { register } from "@/app/(public)/register/actions";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Sign-up; the server action signs the new user in and redirects. Posts with or without JavaScript. */
export function RegisterForm({ defaultRole, locale, callbackUrl }: { defaultRole: "BUYER" | "MERCHANT"; locale: string; callbackUrl?: string }) {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(register, null);
  const submit = useSubmit(action);
  const fieldError = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate data-testid="register-form">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("role")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["BUYER", "MERCHANT"] as const).map((role) => (
            <label key={role} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="role" value={role} defaultChecked={role === defaultRole} className="mt-0.5" />
              <span>
                <span className="block font-medium">{t(`roles.${role}`)}</span>
                <span className="block text-xs text-slate-500">{t(`roleHints.${role}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("name")} name="name" autoComplete="name" required error={fieldError("name")} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required error={fieldError("email")} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldError("password")}
      />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Button type="submit" disabled={pending} className="w-full" data-testid="register-submit">
        {pending ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}
