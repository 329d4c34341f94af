import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MerchantStatusBadge } from "@/components/merchant/status-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { listUsers } from "@/lib/admin/overview";
import { requireAdmin } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";
import { can } from "@/lib/auth/permissions";
import { AdminRoleForm } from "./admin-role-form";
import { CreateAdminForm } from "./create-admin-form";
import { idCursor, readSearchParams, searchText, toQueryString, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("adminUsers"))("title") };
}

const QUERY = { q: searchText(100), cursor: idCursor };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireAdmin("users.view");
  const t = await getTranslations("adminUsers");
  const tRole = await getTranslations("roles");
  const tAdminRole = await getTranslations("adminRoles");
  const manageRoles = can(user, "admin.manage_roles");
  const locale = await getLocale();
  const { q, cursor } = readSearchParams(await searchParams, QUERY);
  const { users, nextCursor } = await listUsers(prisma, user, { q, cursor });
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("list")} className="lg:col-span-2">
          <form className="mb-4 flex gap-2" role="search">
            <input
              name="q"
              defaultValue={q}
              placeholder={t("search")}
              aria-label={t("search")}
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <button className={buttonClass("secondary")}>{t("searchSubmit")}</button>
          </form>
          <Table caption={t("list")} head={[t("name"), t("email"), t("role"), t("createdAt")]}>
            {users.map((u) => (
              <tr key={u.id}>
                <Td>
                  {u.name}
                  {u.id === user.userId ? t("you") : ""}
                </Td>
                <Td>{u.email}</Td>
                <Td>
                  <span className="flex items-center gap-1">
                    <Badge>{tRole(u.role)}</Badge>
                    {u.adminRole ? <Badge>{tAdminRole(u.adminRole)}</Badge> : null}
                    {u.merchant ? <MerchantStatusBadge status={u.merchant.status} /> : null}
                  </span>
                  {manageRoles && u.adminRole && u.id !== user.userId ? (
                    <span className="mt-1 block">
                      <AdminRoleForm userId={u.id} current={u.adminRole} />
                    </span>
                  ) : null}
                </Td>
                <Td>{formatDateTime(u.createdAt, locale)}</Td>
              </tr>
            ))}
          </Table>
          {nextCursor ? (
            <Link
              className={`${buttonClass("secondary")} mt-4`}
              href={`/admin/users?${toQueryString({ q, cursor: nextCursor })}`}
            >
              {t("next")}
            </Link>
          ) : null}
        </Card>
        {can(user, "admin.create_admin") ? (
          <Card title={t("createTitle")}>
            <CreateAdminForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
