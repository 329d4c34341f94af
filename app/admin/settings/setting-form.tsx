"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { updateSettingAction } from "./actions";

export function SettingForm({ settingKey, value, unit }: { settingKey: string; value: number; unit: string }) {
  const t = useTranslations("adminSettings");
  const [state, action, pending] = useActionState(updateSettingAction, null);
  const submit = useSubmit(action);
  return (
    <form action={action} onSubmit={submit} className="flex flex-wrap items-center gap-2" data-testid={`setting-${settingKey}`}>
      <input type="hidden" name="key" value={settingKey} />
      <input
        name="value"
        defaultValue={value}
        inputMode="numeric"
        aria-label={t(`keys.${settingKey}` as never)}
        className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums"
      />
      <span className="text-xs text-slate-500">{unit}</span>
      <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1">
        {t("save")}
      </Button>
      {state?.ok ? <span className="text-xs text-green-700">{t("saved")}</span> : null}
      {state && !state.ok ? (
        <span className="text-xs text-red-600" role="alert">
          {state.error.fieldErrors?.value ?? state.error.fieldErrors?.[settingKey] ?? state.error.message}
        </span>
      ) : null}
    </form>
  );
}
