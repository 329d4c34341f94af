import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { getOwnMerchantOrThrow } from "../get-own-merchant";
import { isEditable } from "../states";
import { businessStep, representativeStep, settlementStep } from "./schemas";

/** The merchant row is locked so two tabs saving at once cannot interleave with a submit. */
async function lockEditableMerchant(tx: Tx, actor: Actor) {
  const merchant = await getOwnMerchantOrThrow(tx, actor);
  await tx.$queryRaw`SELECT id FROM merchants WHERE id = ${merchant.id} FOR UPDATE`;
  const current = await tx.merchant.findUniqueOrThrow({ where: { id: merchant.id } });
  if (!isEditable(current.status)) {
    throw new DomainError("invalid_transition", { messageKey: "errors.application_locked" });
  }
  return current;
}

async function save(tx: Tx, merchantId: string, step: 1 | 2 | 3, data: Record<string, unknown>) {
  const existing = await tx.merchantApplication.findUnique({ where: { merchantId } });
  const completedSteps = [...new Set([...(existing?.completedSteps ?? []), step])].sort();
  return tx.merchantApplication.upsert({
    where: { merchantId },
    create: { merchantId, completedSteps, ...data },
    update: { completedSteps, ...data },
  });
}

/** Step 1. Nothing is saved from an invalid step: parsing throws before any write. */
export async function saveBusinessStep(tx: Tx, actor: Actor, raw: z.input<typeof businessStep>) {
  const input = businessStep.parse(raw);
  const merchant = await lockEditableMerchant(tx, actor);
  const { expectedMonthlySales, ...rest } = input;
  await tx.merchant.update({ where: { id: merchant.id }, data: { displayName: input.registeredName } });
  return save(tx, merchant.id, 1, { ...rest, expectedMonthlySalesFen: expectedMonthlySales });
}

export async function saveRepresentativeStep(tx: Tx, actor: Actor, raw: z.input<typeof representativeStep>) {
  const input = representativeStep.parse(raw);
  const merchant = await lockEditableMerchant(tx, actor);
  return save(tx, merchant.id, 2, input);
}

/** The holder is checked against the names saved in steps 1 and 2. */
export async function saveSettlementStep(tx: Tx, actor: Actor, raw: z.input<ReturnType<typeof settlementStep>>) {
  const merchant = await lockEditableMerchant(tx, actor);
  const application = await tx.merchantApplication.findUnique({ where: { merchantId: merchant.id } });
  const input = settlementStep({ registeredName: application?.registeredName, repName: application?.repName }).parse(raw);
  return save(tx, merchant.id, 3, input);
}

export { lockEditableMerchant };
