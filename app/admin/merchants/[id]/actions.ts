"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { decideApplication, setSuspended } from "@/lib/merchants/review/decide";
import { multiLine, recordId, singleLine } from "@/lib/validation/text";

const target = z.object({ merchantId: recordId() });
// The decision's own schema (lib/merchants/review/decide.ts) checks each field; here the text rules and a cap.
const choice = singleLine({ max: 1_000 }).optional();

// Checkboxes arrive as repeated form fields; the action client keeps the last, so they are joined client-side.
export const decideAction = protectedAction(
  "merchant.review",
  target.extend({
    decision: singleLine({ max: 20 }),
    riskLevel: choice,
    reasonCode: choice,
    message: multiLine({ max: 1_000 }).optional(),
    fields: choice,
    acknowledgeMatches: choice,
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
  target.extend({ suspend: z.enum(["true", "false"]), reason: multiLine({ max: 1_000, required: "validation.message.required" }) }),
  async ({ merchantId, suspend, reason }, { user }) => {
    const result = await inTransaction(prisma, (tx) => setSuspended(tx, user, merchantId, suspend === "true", { reason }));
    revalidatePath("/admin/merchants", "layout");
    return result;
  },
);
