import { afterEach, describe, expect, it } from "vitest";
import { FILE_CSP, contentSecurityPolicy, isHttps, newNonce, securityHeaders, servesStoredFiles } from "./security-headers";

describe("security headers", () => {
  const publicUrl = process.env.NEXTAUTH_URL;
  afterEach(() => {
    process.env.NEXTAUTH_URL = publicUrl;
  });

  it("HSTS and upgrade-insecure-requests only when served over HTTPS", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("HTTPS is the request's protocol or the configured public address", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(isHttps("http:")).toBe(false);
    expect(isHttps("https:")).toBe(true);
    process.env.NEXTAUTH_URL = "https://pay.anxin.example";
    expect(isHttps("http:")).toBe(true);
  });

  it("in production, scripts and style elements need the nonce; nothing is eval'd, framed or based elsewhere", () => {
    const csp = contentSecurityPolicy("abc123==", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123=='");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/(script|style)-src [^;]*'unsafe-inline'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "img-src 'self' data: blob:"]) {
      expect(csp).toContain(directive);
    }
    expect(contentSecurityPolicy("x", { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("each nonce is 128 fresh random bits", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("stored files", () => {
  it("keep the sandboxing file policy, pages get theirs", () => {
    expect(servesStoredFiles("/api/documents/abc")).toBe(true);
    expect(servesStoredFiles("/api/dispute-files/abc")).toBe(true);
    expect(servesStoredFiles("/api/merchant/orders-csv")).toBe(false);
    expect(servesStoredFiles("/buyer/api/documents/x")).toBe(false);
    expect(FILE_CSP).toBe("sandbox; default-src 'none'");
  });
});
