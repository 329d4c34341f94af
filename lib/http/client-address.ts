import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * The header through which the web server (scripts/web-server.ts) tells the app the client's address. Any
 * copy a client sends is removed before the app sees the request, so the app may believe it.
 */
export const CLIENT_IP_HEADER = "x-anxin-client-ip";

/** What a client may claim about proxies in front of us; believed only from proxies we trust. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * TRUST_PROXY: how many reverse proxies in front of the web server append the address they saw to
 * X-Forwarded-For. Unset or 0: none, the socket's peer is the client. A typical single nginx: 1.
 */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  if (value === undefined || value === "") return 0;
  if (!/^\d{1,2}$/.test(value)) {
    throw new Error(`TRUST_PROXY=${value} is not a number of proxies: use 0 (none, the default) or e.g. 1 behind one reverse proxy.`);
  }
  return Number(value);
}

/** "::ffff:192.0.2.1" is the IPv4 client 192.0.2.1 on a dual-stack socket. */
function normalize(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed.toLowerCase();
}

/**
 * The client's address. With no trusted proxy it is the socket's peer: nothing the client sends changes it.
 * Behind `hops` trusted proxies, each appends the address it saw to X-Forwarded-For, so the client is the
 * entry `hops` places from the right (counting the socket's peer as the last hop); entries further left
 * were written by the client and are never read. An entry that is not an address falls back to the peer.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | null {
  const peer = socketAddress ? normalize(socketAddress) : null;
  if (hops === 0 || !peer) return peer;
  const chain = [forwardedFor ?? []].flat().join(",").split(",").map(normalize).filter(Boolean);
  chain.push(peer);
  const candidate = chain[Math.max(0, chain.length - 1 - hops)];
  return isIP(candidate) ? candidate : peer;
}

/**
 * The web server's first step on every request: compute the client's address, put it in CLIENT_IP_HEADER,
 * and drop every client-sent copy. Without a trusted proxy, forwarding headers are dropped too, so Next.js
 * fills X-Forwarded-For and friends from the socket instead of believing the client.
 */
export function stampClientAddress(req: IncomingMessage, hops: number) {
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  const drop = new Set([CLIENT_IP_HEADER, ...(hops === 0 ? FORWARDING_HEADERS : [])]);
  for (const name of drop) delete req.headers[name];
  // rawHeaders too, so no later reader can find the client's copy.
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!drop.has(req.rawHeaders[i].toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  if (address) {
    req.headers[CLIENT_IP_HEADER] = address;
    raw.push(CLIENT_IP_HEADER, address);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}
