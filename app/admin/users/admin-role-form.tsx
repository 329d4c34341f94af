"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Form } from "@/components/forms/form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ADMIN_ROLES } from "@/lib/auth/admin-roles";
import type { AdminRole } from "@/lib/generated/prisma/enums";
import { setAdminRoleAction } from "./actions";

/** A super admin's control for another administrator's sub-role, in the users list. */
export function AdminRoleForm({ userId, current }: { userId: string; current: AdminRole }) {
  const t = useTranslations("adminUsers");
  const tRole = useTranslations("adminRoles");
  const [state, action, pending] = useActionState(setAdminRoleAction, null);
  const submit = useSubmit(action);
  return (
    <Form state={state} action={action} onSubmit={submit} className="flex flex-wrap items-center gap-2" data-testid="admin-role-form">
      <input type="hidden" name="userId" value={userId} />
      <select name="adminRole" defaultValue={current} aria-label={t("adminRole")} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {ADMIN_ROLES.map((r) => (
          <option key={r} value={r}>
            {tRole(r)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("changeRole")}
      </Button>
      {state?.ok ? (
        <Alert tone="success">
          {state.data.changed
            ? t("roleChanged", { email: state.data.email, role: tRole(state.data.adminRole) })
            : t("roleUnchanged", { email: state.data.email, role: tRole(state.data.adminRole) })}
        </Alert>
      ) : null}
    </Form>
  );
}
