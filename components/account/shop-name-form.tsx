"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { renameShopAction } from "@/app/_actions/account";
import { Form } from "@/components/forms/form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ShopNameForm({ current }: { current: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(renameShopAction, null);
  const submit = useSubmit(action);
  const error = state && !state.ok ? (state.error.fieldErrors?.displayName ?? state.error.message) : undefined;
  return (
    <Form state={state} action={action} onSubmit={submit} className="space-y-3" data-testid="shop-name-form">
      {state?.ok ? <Alert tone="success">{t("shopSaved")}</Alert> : null}
      <Field label={t("shopName")} name="displayName" defaultValue={current} maxLength={60} required hint={t("shopHint")} error={error} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("shopSubmit")}
      </Button>
    </Form>
  );
}
