import { getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { readDisputeFile } from "@/lib/disputes/queries";
import { isDomainError } from "@/lib/errors/domain-error";
import { readBytes } from "@/lib/merchants/onboarding/storage";

export const dynamic = "force-dynamic";

/** Evidence files: the dispute's buyer, merchant and admins only; anyone else gets a 404 like a missing file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return new Response("Not found", { status: 404 });
  try {
    const file = await readDisputeFile(prisma, user, (await params).id);
    const bytes = await readBytes(file.sha256);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
