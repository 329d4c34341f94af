import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listNotifications, unreadCount } from "@/lib/notifications/notify";
import { MarkReadButton } from "./mark-read-button";
import { NotificationList } from "./notification-list";

/** Every area's notifications page: the latest 50, each linking to what it is about. */
export async function NotificationsPage({ user }: { user: SessionUser }) {
  const t = await getTranslations("notifications");
  const [notifications, unread] = await Promise.all([listNotifications(prisma, user, 50), unreadCount(prisma, user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card actions={<MarkReadButton unread={unread} />}>
        <NotificationList notifications={notifications} role={user.role} />
      </Card>
    </>
  );
}
