"use client";

import { useConfirm, type ConfirmOption } from "@/components/forms/use-confirm";
import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, Choice, ChoiceGroup, SelectField, TextareaField } from "@/components/ui/field";
import { decideAction, suspendAction } from "./actions";

type Action = typeof decideAction | typeof suspendAction;

/**
 * One decision: its own state, so a refusal marks the fields of this form only. A decision that cannot be
 * taken back asks first (`confirm`), naming the merchant and what follows.
 */
function DecisionForm({
  action,
  testId,
  hidden,
  confirm,
  children,
}: {
  action: Action;
  testId: string;
  hidden: Record<string, string>;
  confirm?: ConfirmOption;
  children: (pending: boolean) => ReactNode;
}) {
  const t = useTranslations("adminMerchants");
  const [state, formAction, pending] = useActionState(action, null);
  const submit = useSubmit(formAction);
  const asking = useConfirm(confirm, submit);
  return (
    <Form state={state} action={formAction} onSubmit={asking.onSubmit} className="space-y-2" data-testid={testId}>
      {state?.ok ? <Alert tone="success">{t("decided")}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(pending)}
      {asking.dialog}
    </Form>
  );
}

export function DecisionForms({
  merchantId,
  merchantName,
  coolingDays,
  fields,
  reasons,
  matches,
}: {
  merchantId: string;
  merchantName: string;
  coolingDays: number;
  fields: string[];
  reasons: readonly string[];
  matches: number;
}) {
  const t = useTranslations("adminMerchants");
  const tOnb = useTranslations("onboarding");
  const tReasons = useTranslations("rejectReasons");
  const [asked, setAsked] = useState<string[]>([]);
  // Without a choice (risk level, reason) nothing is asked: the server answers with the field's error.
  const approve: ConfirmOption = (form) => {
    const risk = String(form.get("riskLevel") ?? "");
    if (!["LOW", "MEDIUM", "HIGH"].includes(risk)) return null;
    return { title: t("approveTitle"), body: t("approveBody", { merchant: merchantName, risk: t(`risk.${risk as "LOW" | "MEDIUM" | "HIGH"}`) }), confirmLabel: t("approve"), cancelLabel: t("back") };
  };
  const reject: ConfirmOption = (form) => {
    const reason = String(form.get("reasonCode") ?? "");
    if (!reasons.includes(reason)) return null;
    return { title: t("rejectTitle"), body: t("rejectBody", { merchant: merchantName, reason: tReasons(reason as never), days: coolingDays }), confirmLabel: t("reject"), cancelLabel: t("back"), tone: "danger" };
  };
  return (
    <div className="space-y-6" data-testid="decision-forms">
      <DecisionForm action={decideAction} testId="approve-form" hidden={{ merchantId, decision: "APPROVE" }} confirm={approve}>
        {(pending) => (
          <>
            <SelectField label={t("riskLevel")} name="riskLevel" defaultValue="">
              <option value="">{tOnb("choose")}</option>
              {(["LOW", "MEDIUM", "HIGH"] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`risk.${r}`)}
                </option>
              ))}
            </SelectField>
            {matches > 0 ? (
              <div data-testid="acknowledge-matches">
                <CheckboxField
                  name="acknowledgeMatches"
                  label={t("acknowledgeMatches", { count: matches })}
                  className="flex items-start gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900"
                />
              </div>
            ) : null}
            <Button type="submit" disabled={pending}>{t("approve")}</Button>
          </>
        )}
      </DecisionForm>
      <DecisionForm action={decideAction} testId="needs-info-form" hidden={{ merchantId, decision: "NEEDS_INFO", fields: asked.join(",") }}>
        {(pending) => (
          <>
            <ChoiceGroup legend={t("fieldsToFix")} name="fields">
              <div className="mt-1 grid grid-cols-2 gap-1">
                {fields.map((f) => (
                  <Choice key={f} type="checkbox" checked={asked.includes(f)} onChange={(e) => setAsked((a) => (e.target.checked ? [...a, f] : a.filter((x) => x !== f)))}>
                    {tOnb(`fields.${f}` as never)}
                  </Choice>
                ))}
              </div>
            </ChoiceGroup>
            <TextareaField label={t("message")} name="message" />
            <Button type="submit" variant="secondary" disabled={pending}>{t("askForInfo")}</Button>
          </>
        )}
      </DecisionForm>
      <DecisionForm action={decideAction} testId="reject-form" hidden={{ merchantId, decision: "REJECT" }} confirm={reject}>
        {(pending) => (
          <>
            <SelectField label={t("reasonCode")} name="reasonCode" defaultValue="">
              <option value="">{tOnb("choose")}</option>
              {reasons.map((r) => (
                <option key={r} value={r}>{tReasons(r as never)}</option>
              ))}
            </SelectField>
            <TextareaField label={t("message")} name="message" />
            <Button type="submit" variant="danger" disabled={pending}>{t("reject")}</Button>
          </>
        )}
      </DecisionForm>
    </div>
  );
}

export function SuspensionForm({ merchantId, suspend }: { merchantId: string; suspend: boolean }) {
  const t = useTranslations("adminMerchants");
  return (
    <DecisionForm action={suspendAction} testId="suspension-form" hidden={{ merchantId, suspend: String(suspend) }}>
      {(pending) => (
        <>
          <TextareaField label={t("reason")} name="reason" />
          <Button type="submit" variant={suspend ? "danger" : "primary"} disabled={pending}>
            {suspend ? t("suspend") : t("reinstate")}
          </Button>
        </>
      )}
    </DecisionForm>
  );
}
