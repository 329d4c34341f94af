"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type InputHTMLAttributes } from "react";
import { createOrderAction } from "@/app/merchant/orders/actions";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Field, useFieldWiring } from "@/components/ui/field";
import { MAX_ORDER_LINES } from "@/lib/escrow/limits";

const cell = "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/** One cell of a line ("lines.2.unitPrice"), labelled with its row number; its error under it. */
function LineCell({ name, label, className, ...input }: { name: string; label: string; className: string } & InputHTMLAttributes<HTMLInputElement>) {
  const f = useFieldWiring(name);
  return (
    <div className={`${className} space-y-1`}>
      <input name={name} aria-label={label} className={cell} {...input} {...f.control} />
      {f.message}
    </div>
  );
}

/** The items: as many rows as asked for, up to the limit; an error about the list as a whole under them. */
function Lines() {
  const t = useTranslations("orders");
  const [rows, setRows] = useState(1);
  const lines = useFieldWiring("lines");
  const full = rows >= MAX_ORDER_LINES;
  return (
    <fieldset className="space-y-2" aria-describedby={lines.control["aria-describedby"]}>
      <legend className="sr-only">{t("lines")}</legend>
      <div className="grid grid-cols-12 gap-2 text-xs font-medium text-slate-600" aria-hidden="true">
        <span className="col-span-6">{t("item")}</span>
        <span className="col-span-2">{t("quantity")}</span>
        <span className="col-span-4">{t("unitPriceYuan")}</span>
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid grid-cols-12 items-start gap-2">
          <LineCell name={`lines.${i}.name`} label={`${t("item")} ${i + 1}`} className="col-span-6" />
          <LineCell name={`lines.${i}.quantity`} label={`${t("quantity")} ${i + 1}`} className="col-span-2" defaultValue="1" inputMode="numeric" />
          <LineCell name={`lines.${i}.unitPrice`} label={`${t("unitPriceYuan")} ${i + 1}`} className="col-span-4" inputMode="decimal" />
        </div>
      ))}
      {lines.message}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="ghost" disabled={full} onClick={() => setRows((r) => Math.min(r + 1, MAX_ORDER_LINES))}>
          + {t("addLine")}
        </Button>
        <span className={`text-xs ${full ? "text-amber-800" : "text-slate-600"}`} data-testid="lines-limit">
          {t("linesLimit", { max: MAX_ORDER_LINES })}
        </span>
      </div>
    </fieldset>
  );
}

export function NewOrderForm() {
  const t = useTranslations("orders");
  const router = useRouter();
  const [state, action, pending] = useActionState(createOrderAction, null);
  const submit = useSubmit(action);
  useEffect(() => {
    if (state?.ok) router.push(`/merchant/orders/${state.data.orderId}`);
  }, [state, router]);
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-4" data-testid="new-order-form">
      <Lines />
      <Field label={t("shippingYuan")} name="shipping" inputMode="decimal" placeholder="0" />
      <Field label={t("buyerContact")} name="buyerContact" />
      <Field label={t("note")} name="note" />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </Form>
  );
}
