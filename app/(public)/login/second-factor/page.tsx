import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { Card } from "@/components/ui/card";
import { homeFor } from "@/lib/auth/permissions";
import { PENDING_COOKIE, pendingAdmin, readPendingToken } from "@/lib/auth/second-factor";
import { getSession } from "@/lib/auth/session";
import { otpauthUri } from "@/lib/auth/totp";
import { prisma } from "@/lib/db/client";
import { localPath, readSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("secondFactor"))("title") };
}

const QUERY = { callbackUrl: localPath };

/** An administrator's second sign-in step: set up an authenticator app the first time, then a code each time. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await getSession();
  if (user) redirect(homeFor(user.role));
  const t = await getTranslations("secondFactor");
  const { callbackUrl } = readSearchParams(await searchParams, QUERY);
  const pending = await pendingAdmin(prisma, await readPendingToken((await cookies()).get(PENDING_COOKIE)?.value));
  if (!pending || (pending.enrolling && !pending.enrollSecret)) {
    return (
      <Card heading="h1" title={t("title")}>
        <p className="text-sm text-slate-600" data-testid="second-factor-expired">{t("expired")}</p>
        <Link href="/login" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("signInAgain")}
        </Link>
      </Card>
    );
  }
  const secret = pending.enrollSecret;
  const qr = secret ? await QRCode.toString(otpauthUri(secret, pending.user.email), { type: "svg", margin: 1, width: 180 }) : null;
  return (
    <Card heading="h1" title={<span data-testid="second-factor-title">{secret ? t("setUpTitle") : t("title")}</span>}>
      {secret ? (
        <div className="mb-4 space-y-3 text-sm text-slate-700" data-testid="second-factor-setup">
          <p>{t("setUpIntro")}</p>
          <div className="w-44" role="img" aria-label={t("qr")} dangerouslySetInnerHTML={{ __html: qr! }} />
          <p>
            {t("orType")}{" "}
            <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="second-factor-secret">
              {secret.match(/.{1,4}/g)!.join(" ")}
            </code>
          </p>
        </div>
      ) : (
        <p className="mb-4 text-sm text-slate-600">{t("intro", { email: pending.user.email })}</p>
      )}
      <SecondFactorForm callbackUrl={callbackUrl} enrolling={Boolean(secret)} />
    </Card>
  );
}
