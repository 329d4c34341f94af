"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { createOrderAction } from "@/app/merchant/orders/actions";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Field, useFieldWiring } from "@/components/ui/field";
import { MAX_ORDER_LINES } from "@/lib/escrow/limits";
import { type OrderPreview, type PreviewLine, previewOrder } from "@/lib/escrow/order-preview";
import { MAX_AMOUNT_FEN, formatFen } from "@/lib/money/fen";

const cell = "block w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

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

export type MerchantPricing = { feeRateBps: number; reserveRateBps: number; reserveDays: number; risk: string };

/** The lines as typed, in row order, for the preview. */
function linesOf(form: HTMLFormElement): { lines: PreviewLine[]; shipping: string } {
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? "");
  const lines: PreviewLine[] = [];
  for (let i = 0; data.has(`lines.${i}.name`); i++) lines.push({ name: field(`lines.${i}.name`), quantity: field(`lines.${i}.quantity`), unitPrice: field(`lines.${i}.unitPrice`) });
  return { lines, shipping: field("shipping") };
}

export function NewOrderForm({ pricing }: { pricing: MerchantPricing }) {
  const t = useTranslations("orders");
  const [preview, setPreview] = useState<OrderPreview>(() => previewOrder([], "", pricing));
  const recompute = (event: FormEvent<HTMLFormElement>) => {
    const { lines, shipping } = linesOf(event.currentTarget);
    setPreview(previewOrder(lines, shipping, pricing));
  };
  const router = useRouter();
  const [state, action, pending] = useActionState(createOrderAction, null);
  const submit = useSubmit(action);
  useEffect(() => {
    if (state?.ok) router.push(`/merchant/orders/${state.data.orderId}`);
  }, [state, router]);
  return (
    <Form state={state} action={action} onSubmit={submit} onInput={recompute} className="space-y-4" data-testid="new-order-form">
      <Lines />
      <Field label={t("shippingYuan")} name="shipping" inputMode="decimal" placeholder="0" />
      <PreviewPanel preview={preview} pricing={pricing} />
      <Field label={t("buyerContact")} name="buyerContact" />
      <Field label={t("note")} name="note" />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </Form>
  );
}

const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/** Subtotal, shipping, total, fee, reserve and net, as the merchant types; the server computes them again. */
function PreviewPanel({ preview, pricing }: { preview: OrderPreview; pricing: MerchantPricing }) {
  const t = useTranslations("orders.preview");
  const rows: [string, bigint, string, boolean?][] = [
    [t("subtotal"), preview.subtotalFen, "preview-subtotal"],
    [t("shipping"), preview.shippingFen, "preview-shipping"],
    [t("total"), preview.totalFen, "preview-total", true],
    [t("fee", { rate: percent(pricing.feeRateBps) }), -preview.feeFen, "preview-fee"],
    [t("reserve", { rate: percent(pricing.reserveRateBps), days: pricing.reserveDays }), -preview.reserveFen, "preview-reserve"],
    [t("net"), preview.netFen, "preview-net", true],
  ];
  return (
    <section aria-label={t("title")} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="order-preview">
      <h3 className="mb-2 font-medium text-slate-900">{t("title")}</h3>
      <dl className="space-y-1">
        {rows.map(([label, fen, testId, strong]) => (
          <div key={testId} className={`flex justify-between gap-3 ${strong ? "border-t border-slate-200 pt-1 font-semibold" : ""}`}>
            <dt className="min-w-0 text-slate-600">{label}</dt>
            <dd className="shrink-0 tabular-nums" data-testid={testId}>
              {formatFen(fen)}
            </dd>
          </div>
        ))}
      </dl>
      {preview.unreadable.length ? <p className="mt-2 text-xs text-amber-800">{t("unreadable", { lines: preview.unreadable.join(", ") })}</p> : null}
      {preview.shippingUnreadable ? <p className="mt-2 text-xs text-amber-800">{t("shippingUnreadable")}</p> : null}
      {preview.tooLarge ? <p className="mt-2 text-xs text-red-700">{t("tooLarge", { max: formatFen(MAX_AMOUNT_FEN) })}</p> : null}
      <p className="mt-2 text-xs text-slate-500">{t("basis", { risk: pricing.risk })}</p>
    </section>
  );
}
