"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { createAdmin, createAdminSchema } from "@/lib/admin/create-admin";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

export const createAdminAction = protectedAction("admin.create_admin", createAdminSchema, async (input, { user }) => {
  const created = await inTransaction(prisma, (tx) => createAdmin(tx, user, input));
  revalidatePath("/admin/users");
  return { email: created.email };
});
