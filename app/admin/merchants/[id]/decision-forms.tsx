"use client";

import { useConfirm } from "@/components/forms/use-confirm";
import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { decideAction, suspendAction } from "./actions";

const textareaClass = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

function Outcome({ state }: { state: Awaited<ReturnType<typeof decideAction>> | null }) {
  const t = useTranslations("adminMerchants");
  if (!state) return null;
  return state.ok ? <Alert tone="success">{t("decided")}</Alert> : <Alert tone="error">{state.error.message}{state.error.fieldErrors ? `: ${Object.values(state.error.fieldErrors).join(" ")}` : ""}</Alert>;
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
  const [state, action, pending] = useActionState(decideAction, null);
  const submit = useSubmit(action);
  const [asked, setAsked] = useState<string[]>([]);
  // Approving and rejecting cannot be taken back: each asks first, naming the merchant and what follows.
  // Without a choice (risk level, reason) nothing is asked: the server answers with the field's error.
  const approve = useConfirm((form) => {
    const risk = String(form.get("riskLevel") ?? "");
    if (!["LOW", "MEDIUM", "HIGH"].includes(risk)) return null;
    return { title: t("approveTitle"), body: t("approveBody", { merchant: merchantName, risk: t(`risk.${risk as "LOW" | "MEDIUM" | "HIGH"}`) }), confirmLabel: t("approve"), cancelLabel: t("back") };
  }, submit);
  const reject = useConfirm((form) => {
    const reason = String(form.get("reasonCode") ?? "");
    if (!reasons.includes(reason)) return null;
    return { title: t("rejectTitle"), body: t("rejectBody", { merchant: merchantName, reason: tReasons(reason as never), days: coolingDays }), confirmLabel: t("reject"), cancelLabel: t("back"), tone: "danger" };
  }, submit);
  return (
    <div className="space-y-6" data-testid="decision-forms">
      <Outcome state={state} />
      <form action={action} onSubmit={approve.onSubmit} className="space-y-2" data-testid="approve-form">
        <input type="hidden" name="merchantId" value={merchantId} />
        <input type="hidden" name="decision" value="APPROVE" />
        <SelectField label={t("riskLevel")} name="riskLevel" defaultValue="">
          <option value="">{tOnb("choose")}</option>
          {(["LOW", "MEDIUM", "HIGH"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`risk.${r}`)}
            </option>
          ))}
        </SelectField>
        {matches > 0 ? (
          <label className="flex items-start gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="acknowledge-matches">
            <input type="checkbox" name="acknowledgeMatches" className="mt-1" />
            <span>{t("acknowledgeMatches", { count: matches })}</span>
          </label>
        ) : null}
        <Button type="submit" disabled={pending}>{t("approve")}</Button>
        {approve.dialog}
      </form>
      <form action={action} onSubmit={submit} className="space-y-2" data-testid="needs-info-form">
        <input type="hidden" name="merchantId" value={merchantId} />
        <input type="hidden" name="decision" value="NEEDS_INFO" />
        <input type="hidden" name="fields" value={asked.join(",")} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("fieldsToFix")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
            {fields.map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input type="checkbox" checked={asked.includes(f)} onChange={(e) => setAsked((a) => (e.target.checked ? [...a, f] : a.filter((x) => x !== f)))} />
                {tOnb(`fields.${f}` as never)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm font-medium text-slate-700" htmlFor="needs-info-message">{t("message")}</label>
        <textarea id="needs-info-message" name="message" rows={2} className={textareaClass} />
        <Button type="submit" variant="secondary" disabled={pending}>{t("askForInfo")}</Button>
      </form>
      <form action={action} onSubmit={reject.onSubmit} className="space-y-2" data-testid="reject-form">
        <input type="hidden" name="merchantId" value={merchantId} />
        <input type="hidden" name="decision" value="REJECT" />
        <SelectField label={t("reasonCode")} name="reasonCode" defaultValue="">
          <option value="">{tOnb("choose")}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>{tReasons(r as never)}</option>
          ))}
        </SelectField>
        <label className="block text-sm font-medium text-slate-700" htmlFor="reject-message">{t("message")}</label>
        <textarea id="reject-message" name="message" rows={2} className={textareaClass} />
        <Button type="submit" variant="danger" disabled={pending}>{t("reject")}</Button>
        {reject.dialog}
      </form>
    </div>
  );
}

export function SuspensionForm({ merchantId, suspend }: { merchantId: string; suspend: boolean }) {
  const t = useTranslations("adminMerchants");
  const [state, action, pending] = useActionState(suspendAction, null);
  const submit = useSubmit(action);
  return (
    <form action={action} onSubmit={submit} className="space-y-2" data-testid="suspension-form">
      <Outcome state={state} />
      <input type="hidden" name="merchantId" value={merchantId} />
      <input type="hidden" name="suspend" value={String(suspend)} />
      <label className="block text-sm font-medium text-slate-700" htmlFor="suspension-reason">{t("reason")}</label>
      <textarea id="suspension-reason" name="reason" rows={2} className={textareaClass} />
      <Button type="submit" variant={suspend ? "danger" : "primary"} disabled={pending}>
        {suspend ? t("suspend") : t("reinstate")}
      </Button>
    </form>
  );
}
