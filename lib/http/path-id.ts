import { notFound } from "next/navigation";

// Row ids are cuids or UUIDs (orders); pay tokens are 24 random bytes in base64url. Anything else names
// nothing, and a NUL or a megabyte in a path segment must not reach a query (PostgreSQL refuses NUL: a 500).
const ROW_ID = /^[a-z0-9-]{1,40}$/;
const PAY_TOKEN = /^[A-Za-z0-9_-]{10,100}$/;
// Reset links carry 32 random bytes in base64url (lib/auth/password-reset.ts checks the exact shape). Any
// base64url value up to 100 characters gets the page that says the link is not valid (a link a mail program
// cut short); what cannot be one at all is the 404 page.
const RESET_TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

export const isRowId = (value: string) => ROW_ID.test(value);
export const isPayToken = (value: string) => PAY_TOKEN.test(value);
export const isResetToken = (value: string) => RESET_TOKEN.test(value);

/** For pages with an [id] segment: a value that cannot be an id renders the 404 page, like a missing row. */
export async function pageId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!isRowId(id)) notFound();
  return id;
}
