import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

/** /account: the account settings of whoever is signed in, in their own area (links in emails point here). */
export default async function AccountRedirect() {
  const user = await getSession();
  redirect(user ? `${homeFor(user.role)}/account` : "/login?callbackUrl=/account");
}
