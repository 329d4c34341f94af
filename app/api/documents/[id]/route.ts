import { getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { fileOr404, fileResponse } from "@/lib/http/file-response";
import { readDocumentForViewer } from "@/lib/merchants/onboarding/documents";
import { isRowId } from "@/lib/http/path-id";

export const dynamic = "force-dynamic";

/** Onboarding documents: their merchant and admins only. Anyone else gets the same 404 as a missing file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return new Response("Not found", { status: 404 });
  const id = (await params).id;
  if (!isRowId(id)) return new Response("Not found", { status: 404 });
  return fileOr404(async () => {
    const { document, bytes } = await readDocumentForViewer(prisma, user, id);
    return fileResponse(bytes, document.mimeType, document.originalName);
  });
}
