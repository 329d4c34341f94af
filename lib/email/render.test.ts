import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { EMAIL_KINDS } from "./kinds";
import { renderEmail } from "./render";

/** Every value any kind is filled with, as stored (plus what prepare adds). */
const PARAMS = {
  orderId: "cmorder1",
  orderNo: "2026112400000042",
  disputeId: "cmdispute1",
  amountFen: "12345",
  deadline: "2026-11-25T08:30:00.000Z",
  carrier: "SF",
  trackingNo: "SF1234567890",
  riskLevel: "LOW",
  reasonCode: "IDENTITY_MISMATCH",
  minutes: 30,
};

describe("email messages", () => {
  it("every kind renders in both languages: subject, text and HTML, every placeholder filled", () => {
    for (const kind of Object.keys(EMAIL_KINDS)) {
      for (const locale of LOCALES) {
        const email = renderEmail({ kind, locale, name: "李明", params: PARAMS, url: "http://localhost:3000/x" });
        expect(email.subject.trim(), `${kind} ${locale}`).not.toBe("");
        for (const part of [email.subject, email.text, email.html]) expect(part, `${kind} ${locale}`).not.toMatch(/\{\w+\}|undefined|\[object/);
        expect(email.text, `${kind} ${locale}`).toContain("http://localhost:3000/x");
        expect(email.html, `${kind} ${locale}`).toContain('href="http://localhost:3000/x"');
      }
    }
  });

  it("codes and amounts are shown in the reader's language, times in Asia/Shanghai", () => {
    const zh = renderEmail({ kind: "dispute.opened", locale: "zh-CN", name: "青禾茶舍", params: PARAMS, url: "http://x/" });
    expect(zh.text).toContain("¥123.45");
    expect(zh.text).toContain("2026/11/25 16:30");
    const en = renderEmail({ kind: "order.shipped", locale: "en", name: "Li", params: PARAMS, url: "http://x/" });
    expect(en.text).toContain("SF Express");
    const approved = renderEmail({ kind: "merchant.approved", locale: "en", name: "Li", params: PARAMS, url: "http://x/" });
    expect(approved.text).toContain("low risk");
  });

  it("a hostile name or value cannot add markup to the HTML part", () => {
    const email = renderEmail({
      kind: "order.paid",
      locale: "en",
      name: '<img src=x onerror="alert(1)">',
      params: { ...PARAMS, orderNo: "<script>alert(1)</script>" },
      url: 'http://x/"><script>alert(2)</script>',
    });
    expect(email.html).not.toMatch(/<script|<img/);
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("an unknown kind or a missing value is an error, never a half-filled email", () => {
    expect(() => renderEmail({ kind: "nope", locale: "en", name: "x", params: {}, url: "http://x/" })).toThrow();
    expect(() => renderEmail({ kind: "order.paid", locale: "en", name: "x", params: {}, url: "http://x/" })).toThrow();
  });
});
