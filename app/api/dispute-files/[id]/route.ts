import { getSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { readDisputeFile } from "@/lib/disputes/queries";
import { fileOr404, fileResponse } from "@/lib/http/file-response";
import { readBytes } from "@/lib/merchants/onboarding/storage";
import { isRowId } from "@/lib/http/path-id";

export const dynamic = "force-dynamic";

/** Evidence files: the dispute's buyer, merchant and admins only; anyone else gets a 404 like a missing file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return new Response("Not found", { status: 404 });
  const id = (await params).id;
  if (!isRowId(id)) return new Response("Not found", { status: 404 });
  return fileOr404(async () => {
    const file = await readDisputeFile(prisma, user, id);
    return fileResponse(await readBytes(file.sha256), file.mimeType, file.originalName);
  });
}
