"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { adminRoleSchema, setAdminRole } from "@/lib/admin/admin-role";
import { createAdmin, createAdminSchema } from "@/lib/admin/create-admin";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

export const createAdminAction = protectedAction("admin.create_admin", createAdminSchema, async (input, { user }) => {
  const created = await inTransaction(prisma, (tx) => createAdmin(tx, user, input));
  revalidatePath("/admin/users");
  return { email: created.email };
});

export const setAdminRoleAction = protectedAction("admin.manage_roles", adminRoleSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) => setAdminRole(tx, user, input));
  revalidatePath("/admin/users");
  return result;
});
