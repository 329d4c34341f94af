"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { updateSetting } from "@/lib/settings/settings";

export const updateSettingAction = protectedAction(
  "settings.update",
  z.object({ key: z.string().min(1), value: z.string().trim().regex(/^-?\d+$/, { error: "errors.setting_invalid" }).transform(Number) }),
  async ({ key, value }, { user }) => {
    const result = await inTransaction(prisma, (tx) => updateSetting(tx, user, key, value));
    revalidatePath("/admin/settings");
    return result;
  },
);
