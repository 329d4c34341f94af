"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { switchLocale } from "@/lib/i18n/locale-actions";
import { LOCALES } from "@/lib/i18n/locales";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The account's language: the portal's and the emails'. The same action as the header's language switch. */
export function LanguageForm() {
  const t = useTranslations("account");
  const tLanguage = useTranslations("language");
  const locale = useLocale();
  const [state, action, pending] = useActionState(switchLocale, null);
  return (
    <Form state={state} action={action} className="space-y-3" data-testid="language-form">
      {state?.ok ? <Alert tone="success">{t("languageSaved")}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("language")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {LOCALES.map((value) => (
            <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="locale" value={value} defaultChecked={value === locale} />
              <span lang={value}>{tLanguage(value)}</span>
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">{t("languageHint")}</p>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("saving") : t("languageSave")}
      </Button>
    </Form>
  );
}
