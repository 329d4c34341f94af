"use client";

import { useTranslations } from "next-intl";
import { saveBusiness, saveRepresentative, saveSettlement } from "@/app/merchant/onboarding/actions";
import { Field, SelectField } from "@/components/ui/field";
import { StepForm } from "./step-form";

export type StepDefaults = Record<string, string>;
type Props = { defaults: StepDefaults; highlight: string[]; options?: Record<string, readonly string[]> };

/** Marks a field the admin asked to fix. */
function useHint(highlight: string[]) {
  const t = useTranslations("onboarding");
  return (name: string) => (highlight.includes(name) ? <span className="font-medium text-amber-700">{t("pleaseFix")}</span> : undefined);
}

export function BusinessStep({ defaults, highlight, options }: Props) {
  const t = useTranslations("onboarding");
  const hint = useHint(highlight);
  return (
    <StepForm action={saveBusiness} next="/merchant/onboarding?step=2" testId="step-business">
      <>
        <SelectField label={t("fields.entityType")} name="entityType" defaultValue={defaults.entityType ?? ""}>
          <option value="">{t("choose")}</option>
          <option value="INDIVIDUAL">{t("entityTypes.INDIVIDUAL")}</option>
          <option value="COMPANY">{t("entityTypes.COMPANY")}</option>
        </SelectField>
        <Field label={t("fields.registeredName")} name="registeredName" defaultValue={defaults.registeredName} hint={hint("registeredName")} />
        <Field label={t("fields.creditCode")} name="creditCode" defaultValue={defaults.creditCode} maxLength={18} hint={hint("creditCode") ?? t("hints.creditCode")} />
        <SelectField label={t("fields.category")} name="category" defaultValue={defaults.category ?? ""}>
          <option value="">{t("choose")}</option>
          {options?.categories?.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}` as never)}
            </option>
          ))}
        </SelectField>
        <Field label={t("fields.shopUrl")} name="shopUrl" type="url" defaultValue={defaults.shopUrl} placeholder="https://" hint={hint("shopUrl")} />
        <Field label={t("fields.expectedMonthlySales")} name="expectedMonthlySales" inputMode="decimal" defaultValue={defaults.expectedMonthlySales} hint={hint("expectedMonthlySales")} />
      </>
    </StepForm>
  );
}

export function RepresentativeStep({ defaults, highlight }: Props) {
  const t = useTranslations("onboarding");
  const hint = useHint(highlight);
  return (
    <StepForm action={saveRepresentative} next="/merchant/onboarding?step=3" testId="step-representative">
      <>
        <Field label={t("fields.repName")} name="repName" defaultValue={defaults.repName} hint={hint("repName")} />
        <Field label={t("fields.repIdNumber")} name="repIdNumber" defaultValue={defaults.repIdNumber} maxLength={18} hint={hint("repIdNumber") ?? t("hints.repIdNumber")} />
        <Field label={t("fields.repMobile")} name="repMobile" type="tel" defaultValue={defaults.repMobile} hint={hint("repMobile")} />
      </>
    </StepForm>
  );
}

export function SettlementStep({ defaults, highlight, options }: Props) {
  const t = useTranslations("onboarding");
  const hint = useHint(highlight);
  return (
    <StepForm action={saveSettlement} next="/merchant/onboarding?step=4" testId="step-settlement">
      <>
        <SelectField label={t("fields.bankCode")} name="bankCode" defaultValue={defaults.bankCode ?? ""}>
          <option value="">{t("choose")}</option>
          {options?.banks?.map((b) => (
            <option key={b} value={b}>
              {t(`banks.${b}` as never)}
            </option>
          ))}
        </SelectField>
        <Field label={t("fields.accountHolder")} name="accountHolder" defaultValue={defaults.accountHolder} hint={hint("accountHolder") ?? t("hints.accountHolder")} />
        <Field label={t("fields.accountNumber")} name="accountNumber" inputMode="numeric" defaultValue={defaults.accountNumber} hint={hint("accountNumber")} />
      </>
    </StepForm>
  );
}
