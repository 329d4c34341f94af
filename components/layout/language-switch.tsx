"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchLocale } from "@/lib/i18n/locale-actions";

export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      data-testid="language-switch"
      disabled={pending}
      aria-label={t("switchTo", { language: t(next) })}
      onClick={() =>
        startTransition(async () => {
          await switchLocale(null, { locale: next });
          router.refresh();
        })
      }
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
    >
      {t(next)}
    </button>
  );
}
