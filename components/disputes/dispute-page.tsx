import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getDisputeView } from "@/lib/disputes/queries";
import { orNotFound } from "@/lib/http/not-found";
import { DisputeView } from "./dispute-view";

/** Loads a dispute for the signed-in party; a dispute that is not theirs is a 404. */
export async function loadDisputeView(user: SessionUser, id: string) {
  return orNotFound(getDisputeView(prisma, user, id));
}

export async function PartyDisputePage({ user, id, orderBase }: { user: SessionUser; id: string; orderBase: string }) {
  const view = await loadDisputeView(user, id);
  return <DisputeView view={view} orderHref={`${orderBase}/${view.order.id}`} />;
}
