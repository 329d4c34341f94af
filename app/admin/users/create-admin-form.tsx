"use client";

import { useSubmit } from "@/components/forms/use-submit";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/forms/form";
import { Field, SelectField } from "@/components/ui/field";
import { ADMIN_ROLES } from "@/lib/auth/admin-roles";
import { createAdminAction } from "./actions";

export function CreateAdminForm() {
  const t = useTranslations("adminUsers");
  const tRole = useTranslations("adminRoles");
  const tHint = useTranslations("adminRoleHints");
  const [state, action, pending] = useActionState(createAdminAction, null);
  const submit = useSubmit(action);
  return (
    // `action` as well as onSubmit: submitted before the scripts load, the form still posts to the server
    // action instead of putting the password in the URL.
    <Form state={state} action={action} onSubmit={submit} className="space-y-3" data-testid="create-admin-form">
      {state?.ok ? <Alert tone="success">{t("created", { email: state.data.email })}</Alert> : null}
      <Field label={t("name")} name="name" />
      <Field label={t("email")} name="email" type="email" />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" />
      <SelectField label={t("adminRole")} name="adminRole" defaultValue="SUPPORT">
        {ADMIN_ROLES.map((r) => (
          <option key={r} value={r}>
            {tRole(r)} · {tHint(r)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>{t("create")}</Button>
    </Form>
  );
}
