import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEvidence } from "@/lib/disputes/thread";
import { DomainError } from "@/lib/errors/domain-error";
import { refuseOversizedAction } from "@/lib/http/body-limit";
import { attachmentDisposition, fileResponse } from "@/lib/http/file-response";
import { checkDocumentBytes } from "@/lib/merchants/onboarding/documents";
import {
  DOCUMENT_LIMITS,
  EVIDENCE_LIMITS,
  MAX_DOCUMENT_BYTES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_REQUEST_BYTES,
  fileSelectionProblem,
} from "./limits";

const MB = 1024 * 1024;
// The very parser Next.js applies to serverActions.bodySizeLimit and proxyClientMaxBodySize.
type Limits = { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } };
// The config as Next.js loads it (a plain ES module; the i18n plugin wraps it).
const nextConfig: Limits = (await import(/* @vite-ignore */ path.resolve(import.meta.dirname, "../../next.config.js"))).default;
const parseBytes = createRequire(import.meta.url)("next/dist/compiled/bytes").parse as (value: string) => number;

/** A PNG signature followed by filler: file-type judges it image/png. */
const png = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x41);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
};

/** The bytes a browser sends for a form: the real multipart encoding of FormData. */
async function multipartSize(fields: Record<string, string>, files: { name: string; size: number }[], fileField: string) {
  const form = new FormData();
  form.set("$ACTION_ID_0123456789abcdef0123456789abcdef01234567", "");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append(fileField, new File([png(f.size)], f.name, { type: "image/png" }));
  return (await new Request("http://localhost/", { method: "POST", body: form }).arrayBuffer()).byteLength;
}

const keyOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return { key: (error as DomainError).messageKey, params: (error as DomainError).params };
  }
  return null;
};

describe("upload limits", () => {
  it("the transport accepts every upload the forms allow: ten 2 MB evidence files with a long message, or one 5 MB document", async () => {
    const { experimental } = nextConfig;
    const actionLimit = parseBytes(experimental.serverActions.bodySizeLimit);
    const proxyLimit = parseBytes(experimental.proxyClientMaxBodySize);
    expect(actionLimit).toBe(MAX_REQUEST_BYTES);
    expect(proxyLimit).toBeGreaterThanOrEqual(actionLimit);

    const evidence = Array.from({ length: MAX_EVIDENCE_FILES }, (_, i) => ({ name: `照片-${i}.png`, size: MAX_EVIDENCE_BYTES }));
    const longMessage = { disputeId: "c".repeat(25), idempotencyKey: "k".repeat(36), body: "很长的说明".repeat(400) };
    expect(await multipartSize(longMessage, evidence, "files")).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(await multipartSize({ kind: "BUSINESS_LICENSE" }, [{ name: "执照.png", size: MAX_DOCUMENT_BYTES }], "file")).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it("the browser check refuses a 9 MB document and the sixth… eleventh file, and passes five 1.9 MB photos", () => {
    expect(fileSelectionProblem([{ size: 9 * MB }], DOCUMENT_LIMITS)).toEqual({ key: "validation.file.tooLarge", params: { max: "5 MB" } });
    expect(fileSelectionProblem([{ size: MAX_DOCUMENT_BYTES }], DOCUMENT_LIMITS)).toBeNull();
    expect(fileSelectionProblem(Array(5).fill({ size: 1.9 * MB }), EVIDENCE_LIMITS)).toBeNull();
    expect(fileSelectionProblem([{ size: 1 }, { size: 2 * MB + 1 }], EVIDENCE_LIMITS)).toEqual({ key: "validation.evidence.tooLarge", params: { max: "2 MB" } });
    expect(fileSelectionProblem(Array(11).fill({ size: 1 }), EVIDENCE_LIMITS)).toEqual({ key: "validation.evidence.tooMany", params: { max: 10 } });
  });

  it("the domain refuses the same files with the same messages and limits", async () => {
    expect(await keyOf(() => checkDocumentBytes(png(9 * MB), "ID_FRONT"))).toEqual({ key: "validation.file.tooLarge", params: { max: "5 MB" } });
    expect(await checkDocumentBytes(png(MAX_DOCUMENT_BYTES), "ID_FRONT")).toBe("image/png");
    const photos = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.png`, bytes: png(Math.floor(1.9 * MB)) }));
    expect(await checkEvidence(photos)).toEqual(Array(5).fill("image/png"));
    expect(await keyOf(() => checkEvidence([{ name: "big.png", bytes: png(MAX_EVIDENCE_BYTES + 1) }]))).toEqual({ key: "validation.evidence.tooLarge", params: { max: "2 MB" } });
    const eleven = Array.from({ length: MAX_EVIDENCE_FILES + 1 }, () => ({ name: "p.png", bytes: png(100) }));
    expect(await keyOf(() => checkEvidence(eleven))).toEqual({ key: "validation.evidence.tooMany", params: { max: MAX_EVIDENCE_FILES } });
  });

  it("a server action request over the limit is answered 413 with a plain message before its body is read", async () => {
    const action = (length: number) =>
      new Request("http://localhost/merchant/onboarding", { method: "POST", headers: { "next-action": "abc", "content-length": String(length) } });
    const refused = refuseOversizedAction(action(MAX_REQUEST_BYTES + 1));
    expect(refused?.status).toBe(413);
    const text = await refused!.text();
    expect(text).toContain("5 MB");
    expect(text).toContain("Request too large");
    expect(refuseOversizedAction(action(MAX_REQUEST_BYTES))).toBeNull();
    expect(refuseOversizedAction(new Request("http://localhost/x", { method: "POST", headers: { "content-length": String(50 * MB) } }))).toBeNull();
  });
});

describe("serving uploads", () => {
  it("serves a stored file as an attachment of its judged type, never sniffed, sandboxed", async () => {
    const response = fileResponse(png(32), "image/png", "page.html");
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="page.html.png"; filename*=UTF-8''page.html.png`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(fileResponse(png(32), "text/html", "x.html").headers.get("content-type")).toBe("application/octet-stream");
  });

  it("names the download safely: no path, quotes or control characters, RFC 5987 for the real name", () => {
    expect(attachmentDisposition("营业执照(正本)'1'.pdf", "application/pdf")).toBe(
      `attachment; filename="_________1_.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%28%E6%AD%A3%E6%9C%AC%29%271%27.pdf`,
    );
    expect(attachmentDisposition('../../a"b\r\nc.JPG', "image/jpeg")).toBe(`attachment; filename="_.._a_b__c.jpg"; filename*=UTF-8''_.._a_b__c.jpg`);
    expect(attachmentDisposition("photo\u202Egnp.exe", "image/png")).toBe(`attachment; filename="photognp.exe.png"; filename*=UTF-8''photognp.exe.png`);
    expect(attachmentDisposition("", "image/png")).toBe(`attachment; filename="file.png"; filename*=UTF-8''file.png`);
  });
});
