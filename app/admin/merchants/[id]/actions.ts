"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { decideApplication, setSuspended } from "@/lib/merchants/review/decide";

const target = z.object({ merchantId: z.string().min(1) });

// Checkboxes arrive as repeated form fields; the action client keeps the last, so they are joined client-side.
export const decideAction = protectedAction(
  "merchant.review",
  target.extend({
    decision: z.string(),
    riskLevel: z.string().optional(),
    reasonCode: z.string().optional(),
    message: z.string().optional(),
    fields: z.string().optional(),
    acknowledgeMatches: z.string().optional(),
  }),
  async ({ merchantId, fields, ...rest }, { user }) => {
    const input = { ...rest, fields: fields ? fields.split(",").filter(Boolean) : [] };
    const result = await inTransaction(prisma, (tx) => decideApplication(tx, user, merchantId, input as never));
    revalidatePath("/admin/merchants", "layout");
    return result;
  },
);

export const suspendAction = protectedAction(
  "merchant.review",
  target.extend({ suspend: z.enum(["true", "false"]), reason: z.string() }),
  async ({ merchantId, suspend, reason }, { user }) => {
    const result = await inTransaction(prisma, (tx) => setSuspended(tx, user, merchantId, suspend === "true", { reason }));
    revalidatePath("/admin/merchants", "layout");
    return result;
  },
);
