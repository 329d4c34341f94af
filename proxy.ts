import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { areaOf, canEnterArea } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * First gate: each area is refused to other roles before any page renders. Layouts, actions and domain
 * functions check again, so this is not the only line of defence.
 */
export async function proxy(request: NextRequest) {
  // A path that is not valid percent-encoding names nothing; Next.js would fail decoding its [id] with a 500.
  if (!isDecodable(request.nextUrl.pathname)) return new NextResponse("Bad request\n", { status: 400 });
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

function isDecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// The areas, and the other routes with dynamic segments (pay links, file downloads).
export const config = { matcher: ["/buyer/:path*", "/merchant/:path*", "/admin/:path*", "/pay/:path*", "/api/:path*"] };
