"use client";

import { FileInput } from "@/components/forms/file-input";
import { useSendErrors } from "@/components/forms/use-send-errors";
import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { uploadOnboardingDocument } from "@/app/merchant/onboarding/actions";
import { Form } from "@/components/forms/form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DOCUMENT_LIMITS } from "@/lib/uploads/limits";

/** One document: JPEG, PNG or PDF, at most 5 MB (checked here, then again on the server, which judges the type by the bytes). */
export function DocumentUpload({ kind, current, highlight }: { kind: string; current?: { id: string; name: string; mimeType: string }; highlight?: boolean }) {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const [state, action, pending] = useActionState(useSendErrors(uploadOnboardingDocument), null);
  const submit = useSubmit(action);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <Form state={state} action={action} onSubmit={submit} className={`space-y-2 rounded-md border p-3 ${highlight ? "border-amber-400 bg-amber-50" : "border-slate-200"}`} data-testid={`upload-${kind}`}>
      <input type="hidden" name="kind" value={kind} />
      <label className="block text-sm font-medium text-slate-700" htmlFor={`file-${kind}`}>
        {t(`fields.${kind}` as never)}
      </label>
      {current ? (
        <p className="text-xs text-slate-600">
          {t("uploaded")}{" "}
          <a className="text-brand-700 underline" href={`/api/documents/${current.id}`} download>
            {current.name}
          </a>
        </p>
      ) : null}
      <FileInput id={`file-${kind}`} name="file" errorName={kind} limits={DOCUMENT_LIMITS} />
      {state?.ok ? <Alert tone="success">{t("uploadDone")}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("upload")}
      </Button>
    </Form>
  );
}
