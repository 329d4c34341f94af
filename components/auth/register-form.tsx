"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { register } from "@/app/(public)/register/actions";
import { useSubmit } from "@/components/forms/use-submit";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Choice, ChoiceGroup, Field } from "@/components/ui/field";

/** Sign-up; the server action signs the new user in and redirects. Posts with or without JavaScript. */
export function RegisterForm({ defaultRole, locale, callbackUrl }: { defaultRole: "BUYER" | "MERCHANT"; locale: string; callbackUrl?: string }) {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(register, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="register-form">
      <ChoiceGroup legend={t("role")} name="role">
        <div className="grid grid-cols-2 gap-2">
          {(["BUYER", "MERCHANT"] as const).map((role) => (
            <Choice
              key={role}
              type="radio"
              name="role"
              value={role}
              defaultChecked={role === defaultRole}
              className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <span>
                <span className="block font-medium">{t(`roles.${role}`)}</span>
                <span className="block text-xs text-slate-600">{t(`roleHints.${role}`)}</span>
              </span>
            </Choice>
          ))}
        </div>
      </ChoiceGroup>
      <Field label={t("name")} name="name" autoComplete="name" required />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
       
      />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Button type="submit" disabled={pending} className="w-full" data-testid="register-submit">
        {pending ? t("creating") : t("submit")}
      </Button>
    </Form>
  );
}
