/**
 * Every upload limit, in one place for the forms (checked in the browser before sending), the domain (checked
 * again on the bytes) and the transport (next.config.js, proxy.ts). No imports: client components use it.
 */
const MB = 1024 * 1024;

/** Onboarding documents: one file per request. */
export const MAX_DOCUMENT_BYTES = 5 * MB;

/** Dispute evidence: up to 10 files per message, each at most 2 MB. */
export const MAX_EVIDENCE_BYTES = 2 * MB;
export const MAX_EVIDENCE_FILES = 10;

/** The file types accepted (judged again by their bytes on the server). */
export const UPLOAD_ACCEPT = "image/jpeg,image/png,application/pdf";

/** Room for a form's text fields and the multipart framing around its files. */
const FORM_OVERHEAD_BYTES = 1 * MB;

/**
 * The largest request body any form can need: ten evidence files of 2 MB (20 MB) beat one 5 MB document.
 * next.config.js sets serverActions.bodySizeLimit and proxyClientMaxBodySize to exactly this ("21mb"; a test
 * checks), so every upload the forms allow reaches the domain, which answers a too-large file with its message.
 * proxy.ts answers anything larger with 413 and a plain message before the body is read.
 */
export const MAX_REQUEST_BYTES = Math.max(MAX_DOCUMENT_BYTES, MAX_EVIDENCE_FILES * MAX_EVIDENCE_BYTES) + FORM_OVERHEAD_BYTES;

/** "5 MB", for messages: the same number the checks use. */
export const formatMegabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

export type FileLimits = { maxBytes: number; maxFiles: number; tooLarge: string; tooMany: string };

/** The first rule a selection of files breaks, as a catalog key with its params; null when it fits. */
export function fileSelectionProblem(files: { size: number }[], limits: FileLimits): { key: string; params: Record<string, string | number> } | null {
  if (files.length > limits.maxFiles) return { key: limits.tooMany, params: { max: limits.maxFiles } };
  if (files.some((f) => f.size > limits.maxBytes)) return { key: limits.tooLarge, params: { max: formatMegabytes(limits.maxBytes) } };
  return null;
}

export const DOCUMENT_LIMITS: FileLimits = { maxBytes: MAX_DOCUMENT_BYTES, maxFiles: 1, tooLarge: "validation.file.tooLarge", tooMany: "validation.file.tooMany" };
export const EVIDENCE_LIMITS: FileLimits = { maxBytes: MAX_EVIDENCE_BYTES, maxFiles: MAX_EVIDENCE_FILES, tooLarge: "validation.evidence.tooLarge", tooMany: "validation.evidence.tooMany" };
