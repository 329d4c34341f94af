import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { messageValues, type RootTranslate } from "@/lib/notifications/params";

const CATALOGS = { "zh-CN": zhCN, en } as const;

export type RenderedEmail = { locale: Locale; subject: string; text: string; html: string };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * One email in the recipient's language, from the catalogs (`email.kinds.<kind>`): a plain-text part and a
 * simple HTML part with the same words and one button to the page it is about. Every value is escaped in
 * the HTML, so a name or an order note can never add markup.
 */
export function renderEmail(input: { kind: string; locale: string; name: string; params: Record<string, unknown>; url: string }): RenderedEmail {
  const locale = isLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
  // A missing value is a bug to see, not a message to send with "{orderNo}" in it: the delivery fails and the
  // admin outbox page shows why.
  const t = createTranslator({ locale, messages: CATALOGS[locale] as never, onError: (error) => { throw error; } }) as unknown as RootTranslate & ((key: string, values?: Record<string, string>) => string);
  const base = `email.kinds.${input.kind}`;
  if (!t.has(`${base}.subject`)) throw new Error(`No catalog message for email kind "${input.kind}"`);
  const values = messageValues(input.params, t, locale);
  const subject = t(`${base}.subject`, values);
  const body = t(`${base}.body`, values);
  const action = t(`${base}.action`, values);
  const greeting = t("email.greeting", { name: input.name });
  const footer = t("email.footer");
  const brand = t("app.name");

  const text = [greeting, "", body, "", `${action}: ${input.url}`, "", "-- ", `${brand}`, footer, ""].join("\n");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f8fafc;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="margin:0 0 16px;font-weight:bold;color:#047857">${escapeHtml(brand)}</p>
<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:20px">
<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>
<p style="margin:0 0 20px;line-height:1.6">${escapeHtml(body)}</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:#059669;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="margin:0;font-size:12px;color:#64748b;word-break:break-all">${escapeHtml(t("email.linkHint"))}<br><a href="${escapeHtml(input.url)}" style="color:#047857">${escapeHtml(input.url)}</a></p>
</div>
<p style="margin:16px 0 0;font-size:12px;color:#64748b">${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;
  return { locale, subject, text, html };
}
