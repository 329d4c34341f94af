import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { stampClientAddress } from "@/lib/http/client-address";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown;

/**
 * The portal's HTTP server: Next.js' request handler behind one step of our own. Next.js (16) keeps a
 * client-sent X-Forwarded-For and only fills it from the socket when absent, and its route handlers and
 * actions never see the socket, so the client's address is stamped here from `req.socket.remoteAddress`
 * (or the trusted proxies' X-Forwarded-For, see TRUST_PROXY) before Next.js sees the request.
 */
export function createWebServer(handle: Handle, trustedHops: number): http.Server {
  return http.createServer(async (req, res) => {
    try {
      stampClientAddress(req, trustedHops);
      await handle(req, res);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", at: "web-server", url: req.url, message: (error as Error)?.message }));
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    }
  });
}
