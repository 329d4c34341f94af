type Headers = Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address for throttling. Behind a reverse proxy, set TRUST_PROXY=1 so the first
 * X-Forwarded-For address is used; otherwise that header could be forged to dodge the IP limit.
 */
export function clientIp(headers: Headers): string {
  const get = (name: string) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return get("x-real-ip") ?? "direct";
}
