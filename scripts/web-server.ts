/**
 * The web process started by `npm start` (lib/runtime/start-app.ts): the production build of the portal,
 * served through lib/runtime/web-server.ts so that the client's address can be trusted.
 */
import next from "next";
import { trustedProxyHops } from "@/lib/http/client-address";
import { createWebServer } from "@/lib/runtime/web-server";
import { PROJECT_ROOT } from "@/lib/runtime/settings";

const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();
const app = next({ dev: false, dir: PROJECT_ROOT, port });
await app.prepare();
const server = createWebServer(app.getRequestHandler(), hops);
server.listen(port, () => {
  console.log(`Web server listening on port ${port}${hops ? `, trusting ${hops} proxy hop(s) in X-Forwarded-For` : ""}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Stop accepting, let requests in flight finish, then leave (the parent kills us after 8 s anyway).
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
