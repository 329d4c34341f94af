"use client";

import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { FieldError, useFieldError } from "@/components/forms/form";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

/**
 * A field's error wiring: its message (given, or the nearest Form's for `name`), the ids, and the attributes
 * that tie the control to its hint and message. Every field primitive uses it, and so can a custom control
 * (the order lines' cells, the settings' compact inputs).
 */
export function useFieldWiring(name: string, options: { id?: string; error?: string; hint?: boolean } = {}) {
  const generated = useId();
  const fromForm = useFieldError(name);
  const id = options.id ?? `field-${name}-${generated}`;
  const error = options.error ?? fromForm;
  const hintId = options.hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    error,
    hintId,
    errorId,
    control: {
      id,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
    message: error ? <FieldError id={errorId!} name={name} message={error} /> : null,
  };
}

type FieldProps = { label: ReactNode; name: string; error?: string; hint?: ReactNode };

function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
      {children}
    </label>
  );
}

function Hint({ id, children }: { id?: string; children: ReactNode }) {
  return id ? (
    <p id={id} className="text-xs text-slate-600">
      {children}
    </p>
  ) : null;
}

/** A labelled input with its hint, or its error, under it, wired for screen readers. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  // Unique per instance: two forms on one page (top-up and withdraw) both have an "amount".
  const f = useFieldWiring(name, { id, error, hint: Boolean(hint) });
  return (
    <div className="space-y-1">
      <Label htmlFor={f.id}>{label}</Label>
      <input name={name} className={inputClass} {...input} {...f.control} />
      <Hint id={f.hintId}>{hint}</Hint>
      {f.message}
    </div>
  );
}

export function SelectField({ label, name, error, hint, id, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const f = useFieldWiring(name, { id, error, hint: Boolean(hint) });
  return (
    <div className="space-y-1">
      <Label htmlFor={f.id}>{label}</Label>
      <select name={name} className={inputClass} {...select} {...f.control}>
        {children}
      </select>
      <Hint id={f.hintId}>{hint}</Hint>
      {f.message}
    </div>
  );
}

export function TextareaField({ label, name, error, hint, id, rows = 2, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const f = useFieldWiring(name, { id, error, hint: Boolean(hint) });
  return (
    <div className="space-y-1">
      <Label htmlFor={f.id}>{label}</Label>
      <textarea name={name} rows={rows} className={inputClass} {...area} {...f.control} />
      <Hint id={f.hintId}>{hint}</Hint>
      {f.message}
    </div>
  );
}

/** One checkbox with its label; its error under it. */
export function CheckboxField({ label, name, error, id, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const f = useFieldWiring(name, { id, error });
  return (
    <div className="space-y-1">
      <label htmlFor={f.id} className={className ?? "flex items-start gap-2 text-sm"}>
        <input type="checkbox" name={name} className="mt-1" {...input} {...f.control} />
        <span>{label}</span>
      </label>
      {f.message}
    </div>
  );
}

const GroupContext = createContext<{ "aria-invalid"?: boolean; "aria-describedby"?: string }>({});

/**
 * Radio buttons or checkboxes under one legend, whose error (for `name`, or the hidden field they fill) is
 * shown under the group and described by each choice.
 */
export function ChoiceGroup({ legend, name, children, className }: { legend: ReactNode; name: string; children: ReactNode; className?: string }) {
  const f = useFieldWiring(name);
  return (
    <fieldset className={className ?? "space-y-2"}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <GroupContext value={{ "aria-invalid": f.control["aria-invalid"], "aria-describedby": f.control["aria-describedby"] }}>{children}</GroupContext>
      {f.message}
    </fieldset>
  );
}

/** A radio button or checkbox inside a ChoiceGroup: `children` is its label. */
export function Choice({ children, className, ...input }: { children: ReactNode; className?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const group = useContext(GroupContext);
  return (
    <label className={className ?? "flex items-center gap-2 text-sm"}>
      <input {...input} {...group} />
      {children}
    </label>
  );
}
