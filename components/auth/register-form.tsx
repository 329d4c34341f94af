"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { register } from "@/app/(public)/register/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function RegisterForm({ defaultRole, locale, callbackUrl }: { defaultRole: "BUYER" | "MERCHANT"; locale: string; callbackUrl?: string }) {
  const t = useTranslations("register");
  const router = useRouter();
  const password = useRef("");
  const [state, action, pending] = useActionState(register, null);
  const submit = useSubmit(action);

  // Registered: sign straight in with the same credentials.
  useEffect(() => {
    if (!state?.ok) return;
    void signIn("credentials", { email: state.data.email, password: password.current, redirect: false }).then(() => {
      router.replace(callbackUrl ?? (state.data.role === "MERCHANT" ? "/merchant" : "/buyer"));
      router.refresh();
    });
  }, [state, router, callbackUrl]);

  const fieldError = (name: string) => (state && !state.ok ? state.error.fieldErrors?.[name] : undefined);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        password.current = String(new FormData(event.currentTarget).get("password") ?? "");
        submit(event);
      }}
    >
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
      <Button type="submit" disabled={pending || state?.ok} className="w-full" data-testid="register-submit">
        {pending || state?.ok ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}
