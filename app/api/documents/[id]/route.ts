import { getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { readDocumentForViewer } from "@/lib/merchants/onboarding/documents";

export const dynamic = "force-dynamic";

/** Onboarding documents: their merchant and admins only. Anyone else gets the same 404 as a missing file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return new Response("Not found", { status: 404 });
  try {
    const { document, bytes } = await readDocumentForViewer(prisma, user, (await params).id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(document.originalName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
