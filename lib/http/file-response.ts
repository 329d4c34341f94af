import { isDomainError } from "@/lib/errors/domain-error";

/** A stored upload, shown inline, never cached, never sniffed into another type. */
export function fileResponse(bytes: Uint8Array, mimeType: string, name: string) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Anyone who may not see a file gets the same 404 as for a file that does not exist. */
export async function fileOr404(read: () => Promise<Response>) {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
