import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { authenticate } from "@/lib/auth/login";
import { THROTTLE } from "@/lib/auth/throttle";
import { createWebServer } from "@/lib/runtime/web-server";
import { prisma, resetDatabase } from "@/tests/db";
import { createUser, TEST_PASSWORD } from "@/tests/fixtures";
import { CLIENT_IP_HEADER, clientAddress, trustedProxyHops } from "./client-address";

/** Forged headers a client might send to pass for someone else. */
const FORGED = { [CLIENT_IP_HEADER]: "198.51.100.7", "x-forwarded-for": "198.51.100.8", "x-real-ip": "198.51.100.9" };

describe("clientAddress", () => {
  it("without a trusted proxy, is the socket's peer whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", 0)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", undefined, 0)).toBe("203.0.113.5");
    expect(clientAddress("2001:DB8::1", ["198.51.100.1"], 0)).toBe("2001:db8::1");
    expect(clientAddress(undefined, "198.51.100.1", 0)).toBeNull();
  });

  it("behind N trusted proxies, is the address the outermost trusted proxy saw, never what the client prepended", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; nginx (the peer) appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.2", "203.0.113.5", 1)).toBe("203.0.113.5");
    // A load balancer in front of nginx: two hops.
    expect(clientAddress("10.0.0.2", ["1.1.1.1, 203.0.113.5", "10.0.0.9"], 2)).toBe("203.0.113.5");
    // The trusted proxy wrote nothing usable: the proxy itself is the best we know.
    expect(clientAddress("10.0.0.2", "not-an-address", 1)).toBe("10.0.0.2");
  });

  it("TRUST_PROXY is a small number of hops, or refused with a clear message", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(() => trustedProxyHops("true")).toThrow(/TRUST_PROXY=true is not a number of proxies/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
  });
});

/** A request to `port` sent from the loopback address `from` (Linux answers on all of 127.0.0.0/8). */
function send(port: number, from: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, localAddress: from, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web server's client address, as sign-in throttling sees it", () => {
  let server: http.Server;
  let port: number;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    // The same server as production (lib/runtime/web-server.ts) in front of a stand-in for the sign-in action.
    server = createWebServer(async (req, res) => {
      seen.push(req);
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/ip") return void res.end(String(clientIp(req.headers)));
      const outcome = await authenticate(
        prisma,
        { email: url.searchParams.get("email") ?? "", password: url.searchParams.get("password") ?? "", ip: clientIp(req.headers) },
        { sleep: async () => {} },
      ).then(
        () => "ok",
        (e) => e.code as string,
      );
      res.end(outcome);
    }, 0);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(resetDatabase);

  it("is the socket's address: forged X-Anxin-Client-IP, X-Forwarded-For and X-Real-IP change nothing and never reach the app", async () => {
    expect((await send(port, "127.0.0.2", "/ip")).body).toBe("127.0.0.2");
    expect((await send(port, "127.0.0.2", "/ip", FORGED)).body).toBe("127.0.0.2");
    expect((await send(port, "127.0.0.3", "/ip", { "X-ANXIN-CLIENT-IP": "127.0.0.2" })).body).toBe("127.0.0.3");
    const last = seen.at(-1)!;
    expect(last.headers["x-forwarded-for"]).toBeUndefined();
    expect(last.headers["x-real-ip"]).toBeUndefined();
    expect(last.rawHeaders.filter((h) => h.toLowerCase() === CLIENT_IP_HEADER)).toHaveLength(1);
    expect(last.rawHeaders).not.toContain("127.0.0.2");
  });

  it("a forged header cannot move failures to another key, and one address's lock does not lock another", async () => {
    const user = await createUser("BUYER", { email: "innocent@test.anxin" });
    const attempt = (from: string, password: string, headers: Record<string, string> = {}) =>
      send(port, from, `/login?email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(password)}`, headers).then((r) => r.body);
    const spray = (i: number) => `/login?email=spray-${i}%40test.anxin&password=guess-${i}-password`;

    // 30 failures from 127.0.0.2, each claiming to be someone else.
    for (let i = 0; i < THROTTLE.ipLimit; i++) {
      const forged = `198.51.100.${i + 1}`;
      const r = await send(port, "127.0.0.2", spray(i), { [CLIENT_IP_HEADER]: forged, "X-Forwarded-For": forged, "X-Real-IP": forged });
      expect(r.body).toBe("invalid_credentials");
    }
    const ipKeys = (await prisma.loginThrottle.findMany({ where: { key: { startsWith: "ip:" } } })).map((r) => [r.key, r.failures]);
    expect(ipKeys).toEqual([["ip:127.0.0.2", THROTTLE.ipLimit]]);

    // That address is locked, with or without a forged header; another address signs the same user in.
    expect(await attempt("127.0.0.2", TEST_PASSWORD)).toBe("login_locked");
    expect(await attempt("127.0.0.2", TEST_PASSWORD, { [CLIENT_IP_HEADER]: "127.0.0.3", "X-Forwarded-For": "127.0.0.3" })).toBe("login_locked");
    expect(await attempt("127.0.0.3", TEST_PASSWORD)).toBe("ok");
  });
});
