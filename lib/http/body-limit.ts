import { MAX_DOCUMENT_BYTES, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_REQUEST_BYTES, formatMegabytes } from "@/lib/uploads/limits";

/**
 * A server action request whose declared body is over MAX_REQUEST_BYTES is answered 413 with a plain message
 * before its body is read. Without this, Next.js would read it into the proxy's buffer, cut it at the limit,
 * and the action would fail with "Unexpected end of form" (a 500). The forms check sizes before sending, so
 * only a request made outside them gets here; a form that still sends one shows its own error (useSendErrors).
 */
export function refuseOversizedAction(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= MAX_REQUEST_BYTES) return null;
  const limits = { doc: formatMegabytes(MAX_DOCUMENT_BYTES), each: formatMegabytes(MAX_EVIDENCE_BYTES), count: MAX_EVIDENCE_FILES };
  return new Response(
    `请求过大：入驻资料每个文件不超过 ${limits.doc}，争议证据每个不超过 ${limits.each}、最多 ${limits.count} 个。\n` +
      `Request too large: onboarding documents are at most ${limits.doc} each; dispute evidence at most ${limits.each} each, up to ${limits.count} files.\n`,
    { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}
