/** The portal's own origin: the public address when configured, else a stand-in (only the path is ever kept). */
export function portalOrigin(): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return "http://localhost";
  }
}

/**
 * The same-origin path a request asked to be sent to after sign-in (`callbackUrl`), or undefined.
 *
 * The value is parsed with the URL API against the portal's origin, the way a browser would resolve it, so
 * tricks that look like a path but leave the site (`/\evil.test`, a tab or newline after the first slash,
 * `/.//evil.test`, `https:evil.test`) resolve to another origin or to a protocol-relative path and are
 * refused. What is returned is rebuilt from the parsed URL (path, query, fragment), never the raw input.
 */
export function safeRedirectPath(value: unknown, origin: string = portalOrigin()): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(origin).origin) return undefined;
  // "//host" would be read by the browser as another site, whatever the URL API made of it.
  if (url.pathname.startsWith("//")) return undefined;
  return url.pathname + url.search + url.hash;
}
