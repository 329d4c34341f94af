import { getLocale, getTranslations } from "next-intl/server";
import { AUDIT_FIELDS } from "@/lib/audit/actions";
import { formatFen, parseYuan } from "@/lib/money/fen";
import { SETTINGS, isSettingKey } from "@/lib/settings/registry";
import { formatDateTime } from "@/lib/time/format";

type Values = Record<string, unknown>;

/**
 * An audit entry's before/after values in words: each field by its name, each code by its label ("状态：审核中",
 * "风险等级：中风险", "需要修改的项目：手机号、身份证人像面"), never the stored JSON.
 */
export async function AuditValues({ values, targetType, targetId, bare = false }: { values: unknown; targetType: string; targetId: string; bare?: boolean }) {
  if (values == null || typeof values !== "object") return <>—</>;
  const t = await getTranslations();
  const locale = await getLocale();
  const label = (field: string) => ((AUDIT_FIELDS as readonly string[]).includes(field) ? t(`adminAudit.fields.${field}` as never) : field);
  const word = (key: string, fallback: string) => (t.has(key as never) ? t(key as never) : fallback);

  function show(field: string, value: unknown): string {
    if (value == null || value === "") return "—";
    if (field === "status") return word(targetType === "dispute" ? `disputes.status.${value}` : `merchantStatus.${value}`, String(value));
    if (field === "riskLevel") return word(`adminMerchants.risk.${value}`, String(value));
    if (field === "reasonCode" || field === "reason") {
      return targetType === "dispute" ? word(`disputes.decisionReasons.${value}`, String(value)) : word(`rejectReasons.${value}`, String(value));
    }
    if (field === "role") return word(`roles.${value}`, String(value));
    if (field === "adminRole") return word(`adminRoles.${value}`, String(value));
    if (field === "enteredAs") return word(`adminAudit.enteredAs.${value}`, String(value));
    // The fund's income per 10,000 units is kept in fen with four decimals (E4): shown in yuan, to the 0.0001 fen.
    if (field === "per10kE4" && /^\d+$/.test(String(value))) return `¥${(Number(value) / 1_000_000).toFixed(6).replace(/0+$/, "").replace(/\.$/, "")}`;
    if (field === "fields" && Array.isArray(value)) return value.map((f) => word(`onboarding.fields.${f}`, String(f))).join(locale === "en" ? ", " : "、");
    if (field === "matches" && Array.isArray(value)) return t("adminAudit.matchCount", { count: value.length });
    if ((field === "decidedAt" || field === "rejectedAt") && typeof value === "string") return formatDateTime(new Date(value), locale);
    if (field === "value" && isSettingKey(targetId)) return `${value} ${t(`adminSettings.units.${SETTINGS[targetId].unit}`)}`;
    if (field === "claimed" || field === "refunded") {
      try {
        return formatFen(parseYuan(String(value), { allowZero: true, max: 10n ** 15n }));
      } catch {
        return String(value);
      }
    }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  const entries = Object.entries(values as Values);
  if (entries.length === 0) return <>—</>;
  // One field whose name the table already shows: the value alone.
  if (bare && entries.length === 1) return <span className="whitespace-pre-wrap break-words">{show(entries[0][0], entries[0][1])}</span>;
  return (
    <dl className="space-y-0.5">
      {entries.map(([field, value]) => (
        <div key={field} className="flex gap-1">
          <dt className="text-slate-600">{label(field)}:</dt>
          <dd className="whitespace-pre-wrap break-words">{show(field, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
