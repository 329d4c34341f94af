import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { AUDIT_ACTIONS, AUDIT_TARGETS } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/filters";

/** The audit log's filters: a plain GET form, so a filtered view is a link that can be shared and bookmarked. */
export async function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const t = await getTranslations("adminAudit");
  const label = "flex min-w-0 flex-col gap-1 text-sm text-slate-700";
  return (
    <form method="get" action="/admin/audit" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filters">
      <label className={label}>
        {t("filters.actor")}
        <input name="actor" defaultValue={filters.actor ?? ""} maxLength={100} placeholder={t("filters.actorHint")} className={inputClass} />
      </label>
      <label className={label}>
        {t("filters.action")}
        <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
          <option value="">{t("filters.any")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}` as never)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("filters.target")}
        <select name="target" defaultValue={filters.targetType ?? ""} className={inputClass}>
          <option value="">{t("filters.any")}</option>
          {AUDIT_TARGETS.map((a) => (
            <option key={a} value={a}>
              {t(`targets.${a}` as never)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("filters.targetId")}
        <input name="targetId" defaultValue={filters.targetId ?? ""} maxLength={100} className={inputClass} />
      </label>
      <label className={label}>
        {t("filters.from")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
      </label>
      <label className={label}>
        {t("filters.to")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
      </label>
      <div className="flex flex-wrap gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClass("primary")} data-testid="audit-filter-submit">
          {t("filters.apply")}
        </button>
        <Link href="/admin/audit" className={buttonClass("secondary")}>
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
