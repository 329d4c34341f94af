"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ChangeEvent } from "react";
import { type FileLimits, UPLOAD_ACCEPT, fileSelectionProblem } from "@/lib/uploads/limits";
import { ERROR_FOR, useFieldError } from "./form";

/**
 * A file input that knows its limits (lib/uploads/limits.ts): a file too large, or too many files, is
 * refused in the browser as soon as it is chosen, with the same message the server would give. The input
 * is then :invalid, and useSubmit does not send the form (the server checks everything again). The server's
 * message for the field (`name`, or `errorName` when the server names it by what it is) shows in the same place.
 */
export function FileInput({
  name,
  errorName,
  label,
  limits,
  multiple = false,
  id,
  className,
}: {
  name: string;
  errorName?: string;
  label?: string;
  limits: FileLimits;
  multiple?: boolean;
  id?: string;
  className?: string;
}) {
  const t = useTranslations();
  const generated = useId();
  const inputId = id ?? `file-${name}-${generated}`;
  const [chosen, setProblem] = useState<string | null>(null);
  const byErrorName = useFieldError(errorName ?? name);
  const byName = useFieldError(name);
  const problem = chosen ?? byErrorName ?? byName;
  const errorFor = byErrorName ? (errorName ?? name) : name;
  const check = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const found = fileSelectionProblem(Array.from(input.files ?? []), limits);
    const message = found ? t(found.key as never, found.params as never) : "";
    input.setCustomValidity(message);
    setProblem(message || null);
  };
  return (
    <div className={className ?? "block text-sm"}>
      {label ? (
        <label htmlFor={inputId} className="font-medium text-slate-700">
          {label}
        </label>
      ) : null}
      <input
        id={inputId}
        type="file"
        name={name}
        multiple={multiple}
        accept={UPLOAD_ACCEPT}
        onChange={check}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${inputId}-error` : undefined}
        className="mt-1 block w-full text-sm"
      />
      {problem ? (
        <p id={`${inputId}-error`} className="mt-1 text-xs text-red-700" role={chosen ? "alert" : undefined} {...{ [ERROR_FOR]: errorFor }} data-testid="file-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
