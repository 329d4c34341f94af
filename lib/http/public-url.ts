/** An absolute address of a portal page, for links that leave the portal (emails): NEXTAUTH_URL is its public address. */
export function publicUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return new URL(path, env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).toString();
}
