import { FILE_CSP } from "./security-headers";
import { isDomainError } from "@/lib/errors/domain-error";
import { stripBidiControls } from "@/lib/validation/text";

/** The only types an upload can have (judged from its bytes at upload), with the extension it is saved under. */
const SERVED_TYPES: Record<string, string> = { "image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf" };

/** RFC 5987 attr-char: everything else is percent-encoded (encodeURIComponent leaves ' ( ) * ! unencoded). */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with a name that is safe whatever was uploaded: no path, no control or bidi characters, and the
 * extension of the type judged at upload (a PNG named "x.html" downloads as "x.html.png"). A plain ASCII
 * `filename` for old clients, the real name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(originalName: string, mimeType: string): string {
  const extension = SERVED_TYPES[mimeType] ?? ".bin";
  const base =
    stripBidiControls(originalName)
      .replace(/[\u0000-\u001f\u007f-\u009f"\\/:*?<>|]/g, "_")
      .replace(/^[.\s]+/, "")
      .replace(new RegExp(`${extension.replace(".", "\\.")}$`, "i"), "")
      .slice(0, 100) || "file";
  const name = `${base}${extension}`;
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/**
 * A stored upload (onboarding document, dispute evidence). A file can be a polyglot (a PNG or PDF with HTML
 * inside), so it is never shown as a page: it downloads as an attachment, with the type fixed at upload and
 * never sniffed, and a sandbox CSP that forbids script and every fetch should a browser render it anyway.
 * An <img> of an image still shows: neither Content-Disposition nor the file's CSP applies to it.
 */
export function fileResponse(bytes: Uint8Array, mimeType: string, name: string) {
  const type = Object.hasOwn(SERVED_TYPES, mimeType) ? mimeType : "application/octet-stream";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(name, type),
      "Content-Security-Policy": FILE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Anyone who may not see a file gets the same 404 as for a file that does not exist. */
export async function fileOr404(read: () => Promise<Response>) {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
