import { getTranslations } from "next-intl/server";
import { AccountSettings } from "@/components/account/account-settings";
import { requireAdmin } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  return <AccountSettings user={await requireAdmin("admin.view")} />;
}
