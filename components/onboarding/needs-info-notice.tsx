import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { stepOfField } from "@/lib/merchants/onboarding/schemas";

/** What the admin asked the merchant to fix, and where. */
export async function NeedsInfoNotice({ fields, message }: { fields: string[]; message: string | null }) {
  const t = await getTranslations("onboarding");
  return (
    <div className="mb-4" data-testid="needs-info">
      <Alert tone="warning">
        <p className="font-medium">{t("needsInfoTitle")}</p>
        {message ? <p className="mt-1">“{message}”</p> : null}
        <ul className="mt-2 list-disc pl-5">
          {fields.map((field) => (
            <li key={field}>
              <a className="underline" href={`/merchant/onboarding?step=${stepOfField(field) ?? 1}`}>
                {t(`fields.${field}` as never)}
              </a>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
