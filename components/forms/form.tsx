"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useLayoutEffect, useRef, useState, type FormHTMLAttributes, type RefObject } from "react";
import type { FormState } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";

/**
 * The one path every form's errors take (see docs/architecture.md, "Forms and errors"):
 *  - the server action returns field errors keyed by the form field's name, each message naming its field;
 *  - <Form> puts them in context; each field primitive (components/ui/field.tsx, FileInput) shows its own
 *    message under it, with aria-invalid and aria-describedby pointing at the message;
 *  - <FormErrors> at the top shows the summary once: "请检查下面标出的 2 项" when fields are marked, and
 *    the messages of errors no visible field can show (a hidden id, a list as a whole, a missing document),
 *    then moves the focus to the first marked field.
 */
const FieldErrorsContext = createContext<Record<string, string> | undefined>(undefined);

/** The message the last submission gave the field `name` of the nearest Form, if any. */
export function useFieldError(name: string): string | undefined {
  const errors = useContext(FieldErrorsContext);
  return errors && Object.hasOwn(errors, name) ? errors[name] : undefined;
}

/** The attribute that marks a field's message, so the summary knows which errors a field already shows. */
export const ERROR_FOR = "data-error-for";

/** A field's message, under the field. Not an alert of its own: the summary announces, the field describes. */
export function FieldError({ id, name, message }: { id: string; name: string; message: string }) {
  return (
    <p id={id} {...{ [ERROR_FOR]: name }} className="text-xs text-red-700">
      {message}
    </p>
  );
}

type FormProps = { state: FormState<unknown>; formRef?: RefObject<HTMLFormElement | null> } & Omit<FormHTMLAttributes<HTMLFormElement>, "ref">;

/** A form around a server action's state: field errors to its fields, one summary at the top. */
export function Form({ state, formRef, children, ...props }: FormProps) {
  const own = useRef<HTMLFormElement>(null);
  const ref = formRef ?? own;
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <form ref={ref} noValidate {...props}>
      <FieldErrorsContext value={errors}>
        <FormErrors state={state} formRef={ref} />
        {children}
      </FieldErrorsContext>
    </form>
  );
}

type Summary = { of: FormState<unknown>; marked: number; unattached: string[] };

/** The summary of a refused submission: once, at the top of the form. */
export function FormErrors({ state, formRef }: { state: FormState<unknown>; formRef: RefObject<HTMLFormElement | null> }) {
  const t = useTranslations();
  const box = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;

  // After the fields have rendered their messages and before the browser paints: which errors have a field?
  useLayoutEffect(() => {
    if (!fieldErrors) return;
    const form = formRef.current;
    const shown = new Set(Array.from(form?.querySelectorAll(`[${ERROR_FOR}]`) ?? [], (el) => el.getAttribute(ERROR_FOR)));
    const entries = Object.entries(fieldErrors);
    const unattached = [...new Set(entries.filter(([name]) => !shown.has(name)).map(([, message]) => message))];
    setSummary({ of: state, marked: entries.length - entries.filter(([name]) => !shown.has(name)).length, unattached });
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? box.current)?.focus();
  }, [state, fieldErrors, formRef]);

  if (!state || state.ok) return null;
  if (!fieldErrors) return <Alert tone="error">{state.error.message}</Alert>;
  if (summary?.of !== state) return null;
  // With nothing marked, the server's message heads the list ("申请还没有填写完整："), unless it only says
  // "check the highlighted fields" or repeats the one message below.
  const heading =
    summary.marked > 0
      ? t("forms.summary", { count: summary.marked })
      : state.error.message !== t("errors.validation") && !summary.unattached.includes(state.error.message)
        ? state.error.message
        : null;
  return (
    <div ref={box} tabIndex={-1} data-testid="form-errors" className="outline-none">
      <Alert tone="error">
        {heading ? <p>{heading}</p> : null}
        {summary.unattached.length === 1 && !heading ? <p>{summary.unattached[0]}</p> : null}
        {summary.unattached.length > 1 || (heading && summary.unattached.length === 1) ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {summary.unattached.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
