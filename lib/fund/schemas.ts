import { z } from "zod";
import { idempotencyKey, yuanAmount } from "@/lib/wallet/schemas";
import { floorField } from "./sweep";

/** Subscribe (wallet → fund) or redeem (fund → wallet): an amount in yuan through the one parser, and a key. */
export const fundMoveSchema = z.object({ amount: yuanAmount, idempotencyKey });

/**
 * The auto-sweep form: a checkbox (present as "on" when ticked, absent when not, as browsers send it) and the
 * floor to keep in the wallet (empty is ¥0.00).
 */
export const autoSweepFormSchema = z.object({
  enabled: z
    .enum(["on"], { error: "validation.invalid" })
    .optional()
    .transform((v) => v === "on"),
  floor: floorField,
});
