"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatFen, parseYuan } from "@/lib/money/fen";
import { Button } from "@/components/ui/button";

/**
 * What a form that moves money (or decides something that cannot be undone) asks before it is sent: a title, a
 * sentence that names the amount and who receives it, and the label of the button that goes ahead. An amount
 * typed in the form (a refund) is read from `amount.field` and shown on its own line; when it cannot be read,
 * nothing is asked and the server answers with the field's error (nothing moves on a bad amount).
 */
export type ConfirmSpec = {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  tone?: "primary" | "danger";
  amount?: { field: string; label: string };
};
/** A fixed question, or one built from what the form holds (the outcome an admin picked); null: ask nothing. */
export type ConfirmOption = ConfirmSpec | ((form: FormData) => ConfirmSpec | null);

const readAmount = (value: FormDataEntryValue | null): string | null => {
  if (typeof value !== "string") return null;
  try {
    return formatFen(parseYuan(value));
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
};

/**
 * Puts a confirmation dialog (native <dialog>, modal: focus stays in it, Escape cancels) between the submit
 * button and the action. The dialog sits inside the form, so its "go ahead" button submits the very same form:
 * the same fields and the same idempotency key. Without JavaScript the dialog never opens and the button posts
 * the form directly, as before (the server checks everything either way).
 */
export function useConfirm(option: ConfirmOption | undefined, submit: (event: FormEvent<HTMLFormElement>) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState<{ spec: ConfirmSpec; amount: string | null } | null>(null);
  const ids = useId();

  useEffect(() => {
    if (asking && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [asking]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (option && submitter?.getAttribute("data-confirmed") !== "yes") {
      const data = new FormData(event.currentTarget);
      const spec = typeof option === "function" ? option(data) : option;
      const amount = spec?.amount ? readAmount(data.get(spec.amount.field)) : null;
      if (spec && !(spec.amount && amount === null)) {
        event.preventDefault();
        setAsking({ spec, amount });
        return;
      }
    }
    dialog.current?.close();
    submit(event);
  };

  const spec = asking?.spec;
  const element = option ? (
    <dialog
      ref={dialog}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onClose={() => setAsking(null)}
      data-testid="confirm-dialog"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={`${ids}-title`} className="text-base font-semibold">
        {spec?.title}
      </h2>
      <div id={`${ids}-body`} className="mt-2 space-y-2 text-sm text-slate-700">
        {spec?.amount && asking?.amount ? (
          <p>
            {spec.amount.label} <strong className="tabular-nums" data-testid="confirm-amount">{asking.amount}</strong>
          </p>
        ) : null}
        <p>{spec?.body}</p>
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
          {spec?.cancelLabel}
        </Button>
        <Button type="submit" variant={spec?.tone ?? "primary"} data-confirmed="yes">
          {spec?.confirmLabel}
        </Button>
      </div>
    </dialog>
  ) : null;

  return { onSubmit, dialog: element };
}
