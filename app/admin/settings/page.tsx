import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { SETTINGS, SETTING_KEYS } from "@/lib/settings/registry";
import { getAllSettings, settingRange } from "@/lib/settings/settings";
import { SettingForm } from "./setting-form";

export async function generateMetadata() {
  return { title: (await getTranslations("adminSettings"))("title") };
}

export default async function SettingsPage() {
  await requireAdmin("settings.view");
  const t = await getTranslations("adminSettings");
  const values = await getAllSettings();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <ul className="divide-y divide-slate-100">
          {SETTING_KEYS.map((key) => {
            const labelId = `setting-label-${key.replaceAll(".", "-")}`;
            const unit = t(`units.${SETTINGS[key].unit}`);
            return (
              <li key={key} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span className="text-sm">
                  <span id={labelId} className="block font-medium text-slate-900">
                    {t(`keys.${key}` as never)}
                  </span>
                  <span className="text-xs text-slate-600">{t("range", { ...settingRange(key), unit })}</span>
                </span>
                <SettingForm settingKey={key} value={values[key]} unit={unit} labelId={labelId} />
              </li>
            );
          })}
        </ul>
      </Card>
    </>
  );
}
