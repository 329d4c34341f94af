import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/transaction";
import { singleLine } from "@/lib/validation/text";
import { getOwnMerchantOrThrow } from "./get-own-merchant";

/**
 * Letters (any script), digits, spaces and a few punctuation marks shop names use; no markup, no control or
 * invisible characters. Inner runs of spaces become one.
 */
const SHOP_NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ·・&'’().,，。\-_（）]*$/u;
// Control and format characters (line breaks, NUL, bidi overrides, zero-width spaces). The common text rule
// would strip bidi controls silently; in a name buyers read, the merchant sees the name refused instead.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export const shopNameSchema = z.object({
  displayName: z
    .string({ error: "validation.shopName.tooShort" })
    .refine((value) => !INVISIBLE.test(value), { error: "validation.shopName.chars" })
    // The common rule for one line of text (trimmed); the shop name's own length is checked after spaces are
    // collapsed, so this limit only bounds what is worth reading.
    .pipe(singleLine({ max: 200, required: "validation.shopName.tooShort", tooLong: "validation.shopName.tooLong" }))
    .pipe(
      z
        .string()
        .transform((value) => value.normalize("NFC").replace(/\s+/g, " "))
        .pipe(
          z
            .string()
            .min(2, { error: "validation.shopName.tooShort" })
            .max(40, { error: "validation.shopName.tooLong" })
            .regex(SHOP_NAME, { error: "validation.shopName.chars" }),
        ),
    ),
});

/**
 * The merchant's public name (shown to buyers on payment links and orders). Only the merchant's own; every
 * change is audited with the old and new name. The same name again changes nothing and records nothing.
 */
export async function renameShop(tx: Tx, actor: Actor, raw: z.input<typeof shopNameSchema>) {
  assertRole(actor, ["MERCHANT"]);
  const { displayName } = shopNameSchema.parse(raw);
  // Two renames at once: the second waits and records the first's name as its "before".
  await tx.$queryRaw`SELECT id FROM merchants WHERE user_id = ${actor.userId} FOR UPDATE`;
  const merchant = await getOwnMerchantOrThrow(tx, actor);
  if (merchant.displayName === displayName) return { displayName, changed: false };
  await tx.merchant.update({ where: { id: merchant.id }, data: { displayName } });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "merchant.rename",
    targetType: "merchant",
    targetId: merchant.id,
    before: { displayName: merchant.displayName },
    after: { displayName },
  });
  return { displayName, changed: true };
}
