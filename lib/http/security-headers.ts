/**
 * Response headers every page, action and API answer carries (set in proxy.ts). The Content-Security-Policy
 * allows only scripts that carry this response's nonce (Next.js adds it to its own scripts during rendering,
 * reading it from the request's CSP header) and scripts those load ('strict-dynamic'). Inline style
 * attributes stay allowed: React and Recharts set sizes and colours through them, and a style attribute
 * cannot run code; <style> elements and stylesheets need the nonce or the portal's origin.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Next.js' development overlay injects unnonced styles; production does not.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // QR codes are data: images.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Stored uploads (lib/http/file-response.ts) never run as a page: no script, no fetch, a sandboxed origin. */
export const FILE_CSP = "sandbox; default-src 'none'";

/** The routes that serve stored uploads: they keep the file policy instead of the pages' one. */
export const servesStoredFiles = (pathname: string) => /^\/api\/(documents|dispute-files)\//.test(pathname);

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore HSTS over plain HTTP, and sending it there would only confuse a local run.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Served over HTTPS: the request says so (behind a trusted proxy, its X-Forwarded-Proto), or the public address does. */
export const isHttps = (requestProtocol: string) => requestProtocol === "https:" || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
