"use server";

import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/client";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { startSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { renameShop, shopNameSchema } from "@/lib/merchants/shop-name";

/**
 * Every session of the user ends with the change (lib/auth/change-password.ts); this browser then gets a
 * fresh one carrying the new session version, so the person who changed it stays signed in.
 */
export const changePasswordAction = protectedAction("account.change_password", changePasswordSchema, async (input, { user }) => {
  const updated = await changePassword(prisma, user, input);
  await startSession(updated);
  return { changed: true };
});

export const renameShopAction = protectedAction("account.shop_name", shopNameSchema, async (input, { user }) => {
  const result = await inTransaction(prisma, (tx) => renameShop(tx, user, input));
  revalidatePath("/merchant", "layout");
  return { displayName: result.displayName };
});
