import { getTranslations } from "next-intl/server";
import { NotificationsPage } from "@/components/notifications/notifications-page";
import { requireArea } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function Notifications() {
  return <NotificationsPage user={await requireArea("buyer")} />;
}
