import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecoveryCodesSaved } from "@/components/auth/recovery-codes-saved";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { homeFor } from "@/lib/auth/permissions";
import { RECOVERY_COOKIE, openRecoveryCodes } from "@/lib/auth/second-factor";
import { getSession } from "@/lib/auth/session";
import { localPath, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("secondFactor"))("recoveryTitle") };
}

/** Right after an administrator set up their second factor: the recovery codes, once. */
export default async function RecoveryCodesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await getSession();
  if (!user) redirect("/login");
  const codes = await openRecoveryCodes((await cookies()).get(RECOVERY_COOKIE)?.value, user.userId);
  if (!codes) redirect(homeFor(user.role));
  const t = await getTranslations("secondFactor");
  const { callbackUrl } = readSearchParams(await searchParams, { callbackUrl: localPath });
  return (
    <Card heading="h1" title={t("recoveryTitle")}>
      <div className="space-y-3 text-sm" data-testid="recovery-codes">
        <Alert tone="success">{t("enrolled")}</Alert>
        <p className="text-slate-700">{t("recoveryIntro")}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-slate-900">
          {codes.map((code) => (
            <li key={code} data-testid="recovery-code">
              {code}
            </li>
          ))}
        </ul>
        <RecoveryCodesSaved callbackUrl={callbackUrl} />
      </div>
    </Card>
  );
}
