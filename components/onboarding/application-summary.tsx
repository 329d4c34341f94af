import { getTranslations } from "next-intl/server";
import type { MerchantApplication, MerchantDocument } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/fen";

/**
 * Every field of an application; for admins the image documents are shown in the page. An <img> of an image
 * type cannot run script, whatever the file holds; PDFs (and everything else) are links that download
 * (the file responses are attachments with a sandbox CSP, lib/http/file-response.ts).
 */
export async function ApplicationSummary({
  application,
  documents,
  inlineDocuments = false,
  highlight = [],
}: {
  application: MerchantApplication | null;
  documents: MerchantDocument[];
  inlineDocuments?: boolean;
  highlight?: string[];
}) {
  const t = await getTranslations("onboarding");
  const a = application;
  const rows: [string, string | null | undefined][] = [
    ["entityType", a?.entityType ? t(`entityTypes.${a.entityType}`) : null],
    ["registeredName", a?.registeredName],
    ["creditCode", a?.creditCode],
    ["category", a?.category ? t(`categories.${a.category}` as never) : null],
    ["shopUrl", a?.shopUrl],
    ["expectedMonthlySales", a?.expectedMonthlySalesFen != null ? formatFen(a.expectedMonthlySalesFen) : null],
    ["repName", a?.repName],
    ["repIdNumber", a?.repIdNumber],
    ["repMobile", a?.repMobile],
    ["bankCode", a?.bankCode ? t(`banks.${a.bankCode}` as never) : null],
    ["accountHolder", a?.accountHolder],
    ["accountNumber", a?.accountNumber],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="application-summary">
        {rows.map(([field, value]) => (
          <div key={field} className={`flex justify-between gap-3 border-b border-slate-100 py-1 ${highlight.includes(field) ? "bg-amber-50" : ""}`}>
            <dt className="text-slate-500">{t(`fields.${field}` as never)}</dt>
            <dd className="break-all text-right font-medium text-slate-900">{value || <span className="text-red-600">{t("missing")}</span>}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-3 sm:grid-cols-3">
        {(["BUSINESS_LICENSE", "ID_FRONT", "ID_BACK"] as const).map((kind) => {
          const doc = documents.find((d) => d.kind === kind);
          return (
            <figure key={kind} className="rounded-md border border-slate-200 p-2 text-sm">
              <figcaption className="mb-1 font-medium">{t(`fields.${kind}`)}</figcaption>
              {!doc ? (
                <span className="text-red-600">{t("missing")}</span>
              ) : inlineDocuments && doc.mimeType.startsWith("image/") ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={`/api/documents/${doc.id}`} alt={t(`fields.${kind}`)} className="max-h-48 w-full rounded object-contain" />
              ) : (
                <a className="break-all text-brand-700 underline" href={`/api/documents/${doc.id}`} download data-testid={`document-link-${kind}`}>
                  {doc.originalName}
                </a>
              )}
              {doc ? <p className="mt-1 truncate text-xs text-slate-500" title={doc.sha256}>SHA-256 {doc.sha256.slice(0, 16)}…</p> : null}
            </figure>
          );
        })}
      </div>
    </div>
  );
}
