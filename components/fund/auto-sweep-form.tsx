"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setAutoSweepAction } from "@/app/_actions/fund";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatFen } from "@/lib/money/fen";

/** "Keep idle money earning": on or off, and what stays in the wallet. */
export function AutoSweepForm({ enabled, floorYuan }: { enabled: boolean; floorYuan: string }) {
  const t = useTranslations("fund.sweep");
  const [state, formAction, pending] = useActionState(useSendErrors(setAutoSweepAction), null);
  const submit = useSubmit(formAction);
  return (
    <Form state={state} action={formAction} onSubmit={submit} className="space-y-3" data-testid="fund-sweep-form">
      <p className="text-sm text-slate-600">{t("explain")}</p>
      {state?.ok ? (
        <Alert tone="success">{state.data.enabled ? t("savedOn", { floor: formatFen(state.data.floorFen) }) : t("savedOff")}</Alert>
      ) : null}
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name="enabled" value="on" defaultChecked={enabled} className="h-4 w-4" />
        {t("enabled")}
      </label>
      <Field label={t("floor")} name="floor" inputMode="decimal" defaultValue={floorYuan} placeholder="0.00" autoComplete="off" hint={t("floorHint")} />
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {t("save")}
      </Button>
    </Form>
  );
}
