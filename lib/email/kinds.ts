import type { Tx } from "@/lib/db/transaction";
import { issueResetLink } from "@/lib/auth/password-reset";

/** What a message needs at sending time beyond its stored params: a path to link to, or null to skip it. */
export type Prepared = { params: Record<string, unknown>; path?: string } | null;

type Kind = {
  /**
   * Runs in the delivery's transaction just before sending. A secret (a reset token) is made here, so it is
   * never stored in the outbox; returning null skips a message that has nothing left to say.
   */
  prepare?: (tx: Tx, params: Record<string, unknown>, now: Date) => Promise<Prepared>;
};

/**
 * Every kind of email, each with `email.kinds.<kind>.{subject,body,action}` in both catalogs. Without a
 * `prepare`, a message links to the page its notification links to (lib/notifications/links.ts).
 */
export const EMAIL_KINDS: Record<string, Kind> = {
  "password.reset": {
    prepare: async (tx, params, now) => {
      const link = await issueResetLink(tx, String(params.resetId ?? ""), now);
      return link && { params: { ...params, minutes: link.minutes }, path: `/reset-password/${link.token}` };
    },
  },
  "order.paid": {},
  "order.shipped": {},
  "dispute.opened": {},
  "dispute.reminderMerchant": {},
  "dispute.reminderBuyer": {},
  "merchant.approved": {},
  "merchant.rejected": {},
  "merchant.needsInfo": {},
};

export const isEmailKind = (kind: string) => Object.hasOwn(EMAIL_KINDS, kind);
