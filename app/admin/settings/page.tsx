import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { SETTING_KEYS } from "@/lib/settings/registry";
import { getAllSettings } from "@/lib/settings/settings";
import { SettingForm } from "./setting-form";

export default async function SettingsPage() {
  await requireAdmin("settings.view");
  const t = await getTranslations("adminSettings");
  const values = await getAllSettings();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <ul className="divide-y divide-slate-100">
          {SETTING_KEYS.map((key) => (
            <li key={key} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{t(`keys.${key}` as never)}</span>
                <span className="font-mono text-xs text-slate-400">{key}</span>
              </span>
              <SettingForm settingKey={key} value={values[key]} unit={key.includes("Bps") ? t("unitBps") : key.endsWith("Hours") ? t("unitHours") : key.endsWith("Fen") ? t("unitFen") : t("unitDays")} />
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
