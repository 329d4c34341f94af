import { NextResponse, type NextRequest } from "next/server";
import { areaOf, canEnterArea } from "@/lib/auth/permissions";
import { currentSessionUser, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import { prisma } from "@/lib/db/client";
import { refuseOversizedAction } from "@/lib/http/body-limit";
import { FILE_CSP, contentSecurityPolicy, isHttps, newNonce, securityHeaders, servesStoredFiles } from "@/lib/http/security-headers";

/**
 * Runs before every page, action and API request:
 * - a path that is not valid percent-encoding names nothing: 400 (Next.js would fail decoding its [id] with a 500);
 * - a server action whose body is over the upload limit is answered 413 before it is read (lib/http/body-limit.ts);
 * - security headers, with a fresh CSP nonce that Next.js puts on its scripts (it reads the nonce from the
 *   request's Content-Security-Policy header, so the header is set on the request as well);
 * - the first gate of each area: a signed-out visitor or a revoked session goes to /login, another role gets
 *   403. Layouts, actions and domain functions check again, so this is not the only line of defence.
 */
export async function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl.protocol);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);

  const response = !isDecodable(request.nextUrl.pathname)
    ? new NextResponse("Bad request\n", { status: 400 })
    : (refuseOversizedAction(request) ?? (await gate(request, requestHeaders)));
  response.headers.set("Content-Security-Policy", servesStoredFiles(request.nextUrl.pathname) ? FILE_CSP : csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

function isDecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

async function gate(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const area = areaOf(request.nextUrl.pathname);
  if (!area) return NextResponse.next({ request: { headers: requestHeaders } });
  const cookie = request.cookies.get(sessionCookieName())?.value;
  const user = await currentSessionUser(prisma, cookie);
  if (!user && isServerAction(request)) {
    // A form posted from a page whose session has ended meanwhile (signed out elsewhere, password changed,
    // expired): a redirect would make the browser re-post the action to /login and break the page. The
    // action client refuses it instead ("please sign in", in the form), and nothing runs without a session.
    // The cookie is left alone here: changing it would make Next.js re-render the page with the answer.
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  if (!user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    const response = NextResponse.redirect(login);
    // A revoked or expired cookie is of no further use to the browser.
    if (cookie) response.cookies.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
    return response;
  }
  if (!canEnterArea(user.role, area)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403, request: { headers: requestHeaders } });
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

/** A Next.js server action call: a POST naming the action in the Next-Action header. */
const isServerAction = (request: NextRequest) => request.method === "POST" && request.headers.has("next-action");

export const config = {
  // Everything but Next.js' static files, which are fingerprinted and carry no page.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
