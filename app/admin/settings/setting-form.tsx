"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { useFieldWiring } from "@/components/ui/field";
import { updateSettingAction } from "./actions";

/** The value, named by the setting's heading (labelId) and its unit; its error under it. */
function ValueInput({ value, unit, labelId }: { value: number; unit: string; labelId: string }) {
  const f = useFieldWiring("value");
  const unitId = `${labelId}-unit`;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <input
          name="value"
          defaultValue={value}
          inputMode="numeric"
          aria-labelledby={`${labelId} ${unitId}`}
          className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums aria-[invalid=true]:border-red-500"
          {...f.control}
        />
        <span id={unitId} className="text-xs text-slate-600">
          {unit}
        </span>
      </div>
      {f.message}
    </>
  );
}

export function SettingForm({ settingKey, value, unit, labelId }: { settingKey: string; value: number; unit: string; labelId: string }) {
  const t = useTranslations("adminSettings");
  const [state, action, pending] = useActionState(updateSettingAction, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-1" data-testid={`setting-${settingKey}`}>
      <input type="hidden" name="key" value={settingKey} />
      <div className="flex flex-wrap items-start gap-2">
        <div className="space-y-1">
          <ValueInput value={value} unit={unit} labelId={labelId} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1">
          {t("save")}
        </Button>
        {state?.ok ? (
          <span className="self-center text-xs text-green-700" role="status">
            {t("saved")}
          </span>
        ) : null}
      </div>
    </Form>
  );
}
