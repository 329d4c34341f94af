"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { updateSetting } from "@/lib/settings/settings";
import { singleLine } from "@/lib/validation/text";

export const updateSettingAction = protectedAction(
  "settings.update",
  z.object({
    // Unknown keys (including "__proto__" and friends) are refused as not found by updateSetting, which also
    // reads the value, so that its message can name the setting and its range.
    key: singleLine({ max: 100, required: "errors.not_found" }),
    value: singleLine({ max: 20 }),
  }),
  async ({ key, value }, { user }) => {
    const result = await inTransaction(prisma, (tx) => updateSetting(tx, user, key, value));
    revalidatePath("/admin/settings");
    return result;
  },
);
