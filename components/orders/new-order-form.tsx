"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { createOrderAction } from "@/app/merchant/orders/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_ORDER_LINES } from "@/lib/escrow/limits";

const cell = "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function NewOrderForm() {
  const t = useTranslations("orders");
  const router = useRouter();
  const [rows, setRows] = useState(1);
  const [state, action, pending] = useActionState(createOrderAction, null);
  const submit = useSubmit(action);
  useEffect(() => {
    if (state?.ok) router.push(`/merchant/orders/${state.data.orderId}`);
  }, [state, router]);
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  // "lines.2.unitPrice" → "单价（元） 3": the same words as the input's label, so the row can be found.
  const fieldLabels: Record<string, string> = { name: t("item"), quantity: t("quantity"), unitPrice: t("unitPriceYuan"), shipping: t("shippingYuan"), buyerContact: t("buyerContact"), note: t("note") };
  const labelOf = (field: string) => {
    const line = /^lines\.(\d+)\.(\w+)$/.exec(field);
    if (line) return `${fieldLabels[line[2]] ?? ""} ${Number(line[1]) + 1}`;
    return Object.hasOwn(fieldLabels, field) ? fieldLabels[field] : null;
  };
  const full = rows >= MAX_ORDER_LINES;
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate data-testid="new-order-form">
      {state && !state.ok ? (
        <Alert tone="error">
          {state.error.message}
          {errors ? (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>{labelOf(field) ? t("fieldError", { field: labelOf(field)!, message }) : message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="space-y-2">
        <div className="grid grid-cols-12 gap-2 text-xs font-medium text-slate-600">
          <span className="col-span-6">{t("item")}</span>
          <span className="col-span-2">{t("quantity")}</span>
          <span className="col-span-4">{t("unitPriceYuan")}</span>
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid grid-cols-12 gap-2">
            <input name={`lines.${i}.name`} aria-label={`${t("item")} ${i + 1}`} className={`col-span-6 ${cell}`} />
            <input name={`lines.${i}.quantity`} aria-label={`${t("quantity")} ${i + 1}`} defaultValue="1" inputMode="numeric" className={`col-span-2 ${cell}`} />
            <input name={`lines.${i}.unitPrice`} aria-label={`${t("unitPriceYuan")} ${i + 1}`} inputMode="decimal" className={`col-span-4 ${cell}`} />
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="ghost" disabled={full} onClick={() => setRows((r) => Math.min(r + 1, MAX_ORDER_LINES))}>
            + {t("addLine")}
          </Button>
          <span className={`text-xs ${full ? "text-amber-700" : "text-slate-500"}`} data-testid="lines-limit">
            {t("linesLimit", { max: MAX_ORDER_LINES })}
          </span>
        </div>
      </div>
      <Field label={t("shippingYuan")} name="shipping" inputMode="decimal" placeholder="0" />
      <Field label={t("buyerContact")} name="buyerContact" />
      <Field label={t("note")} name="note" />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
