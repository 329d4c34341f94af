import NextAuth from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { parseQuery } from "@/lib/http/search-params";

const handler = NextAuth(authOptions);

/** What next-auth itself accepts as a callbackUrl: a path, or an http(s) URL. */
function isHttpUrl(value: string) {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

// next-auth answers a callbackUrl it cannot parse (e.g. "%00") with a 500: such a request gets a 400 first.
const QUERY = { callbackUrl: z.string().max(2_000).refine(isHttpUrl) };

async function guarded(...args: Parameters<typeof handler>) {
  const query = parseQuery((args[0] as Request).url, QUERY);
  if (!query.ok) return query.response;
  return handler(...args);
}

export { guarded as GET, guarded as POST };
