import { getTranslations } from "next-intl/server";
import { signOut } from "@/app/_actions/sign-out";

/** A form posting to the sign-out action: ends every session of the user, with or without JavaScript. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOut}>
      <button type="submit" data-testid="sign-out" className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100">
        {t("signOut")}
      </button>
    </form>
  );
}
