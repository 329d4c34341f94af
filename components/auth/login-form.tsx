"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { adoptAccountLocale } from "@/lib/i18n/locale-actions";

/** Maps next-auth's error (our code, e.g. "login_locked:15") to a message; never says whether the email exists. */
function useLoginError() {
  const t = useTranslations("errors");
  return (error: string) => {
    const [code, minutes] = error.split(":");
    if (code === "login_locked") return t("login_locked", { minutes: Number(minutes) || 15 });
    if (code === "invalid_credentials") return t("invalid_credentials");
    return t("unexpected_plain");
  };
}

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const describe = useLoginError();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(describe(result?.error ?? "unexpected"));
        return;
      }
      await adoptAccountLocale(null, {});
      router.replace(callbackUrl ?? "/");
      router.refresh();
    });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      className="space-y-4"
      noValidate
      data-testid="login-form"
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full" data-testid="login-submit">
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
