import { prisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database status for load balancers and `npm start`. */
export async function GET() {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "degraded", database: "down" }, { status: 503 });
  }
}
