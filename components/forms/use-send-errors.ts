"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Action<T> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A server action whose request itself fails (the connection drops, or the proxy refuses a body over the
 * upload limit with 413) rejects in the browser, and React would show the error page. Forms that send files
 * wrap their action with this so the failure becomes the form's own error message instead.
 */
export function useSendErrors<T>(action: Action<T>): Action<T> {
  const t = useTranslations("errors");
  return useCallback(
    async (state: ActionResult<T> | null, form: FormData) => {
      try {
        return await action(state, form);
      } catch {
        return { ok: false, error: { code: "send_failed", message: t("send_failed") } };
      }
    },
    [action, t],
  );
}
