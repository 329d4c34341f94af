import { CLIENT_IP_HEADER } from "@/lib/http/client-address";

type HeaderSource = Headers | { get(name: string): string | null } | Record<string, string | string[] | undefined>;

let warned = false;

/**
 * The client's address for sign-in throttling, as stamped by the web server (lib/http/client-address.ts,
 * which honours TRUST_PROXY). Null when the request did not come through that server (e.g. `next dev`):
 * then only the per-email limit applies, rather than one shared counter that anyone could fill.
 */
export function clientIp(headers: HeaderSource): string | null {
  const raw = typeof headers.get === "function" ? (headers as Headers).get(CLIENT_IP_HEADER) : (headers as Record<string, unknown>)[CLIENT_IP_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value === "string" && value) return value;
  if (!warned) {
    warned = true;
    console.warn(JSON.stringify({ level: "warn", at: "auth.client-ip", message: "No client address on the request: sign-in is throttled by email only. Run the portal with `npm start`." }));
  }
  return null;
}
