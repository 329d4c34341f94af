import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { areaOf, canEnterArea } from "@/lib/auth/permissions";
import { refuseOversizedAction } from "@/lib/http/body-limit";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * First gate: each area is refused to other roles before any page renders. Layouts, actions and domain
 * functions check again, so this is not the only line of defence.
 */
export async function proxy(request: NextRequest) {
  const oversized = refuseOversizedAction(request);
  if (oversized) return oversized;
  const area = areaOf(request.nextUrl.pathname);
  if (!area) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token?.role) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (!canEnterArea(token.role as Role, area)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/buyer/:path*",
    "/merchant/:path*",
    "/admin/:path*",
    // Server actions posted from any other page (register, pay), for the body size check only.
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
