"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { markAllRead } from "@/lib/notifications/notify";

export const markNotificationsRead = protectedAction("notifications.read", z.object({}), async (_input, { user }) => {
  await markAllRead(prisma, user);
  revalidatePath("/", "layout");
  return { done: true };
});
