import type { Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { inTransaction } from "@/lib/db/transaction";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { acceptApplication } from "@/lib/credit/accept";
import { applyForLoan } from "@/lib/credit/apply";
import { openDispute } from "@/lib/disputes/open";
import { subscribeToFund } from "@/lib/fund/subscribe";
import { buyerEscalate, merchantRespond } from "@/lib/disputes/respond";
import { decideApplication } from "@/lib/merchants/review/decide";
import { clearSettingsCache } from "@/lib/settings/settings";
import { prisma } from "@/tests/db";
import { deliver, tokenIn } from "@/tests/email-helpers";
import { paidOrder, shippedOrder, newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";
import { PNG, completeApplication, submittedMerchant } from "@/tests/onboarding-fixtures";

/**
 * Two tenants and an admin. Tenant A holds the resources every action is aimed at: merchant A's orders
 * bought by buyer A in every state, disputes in every state, merchant A's documents, an application in
 * onboarding. Tenant B (merchant B, buyer B, a merchant B in onboarding) has the same roles and tries to
 * reach them. Each positive control has a resource of its own, so the controls never depend on each other.
 */
export const CALLERS = ["signedOut", "admin", "merchantA", "buyerA", "draftA", "merchantB", "buyerB", "draftB"] as const;
export type Caller = (typeof CALLERS)[number];

async function session(role: SessionUser["role"], options: Parameters<typeof createUser>[1] = {}): Promise<SessionUser & { actor: Actor }> {
  const user = await createUser(role, options);
  return { userId: user.id, role, adminRole: user.actor.adminRole, email: user.email, name: user.name, actor: user.actor };
}

const merchantIdOf = async (user: { userId: string }) => (await prisma.merchant.findUniqueOrThrow({ where: { userId: user.userId } })).id;

export async function createTenants() {
  const admin = await session("ADMIN");
  const merchantA = await session("MERCHANT", { approved: true });
  const merchantB = await session("MERCHANT", { approved: true, balanceFen: 100_000n });
  const buyerA = await session("BUYER", { balanceFen: 5_000_000n });
  const buyerB = await session("BUYER", { balanceFen: 5_000_000n });
  const draftA = await session("MERCHANT");
  const draftB = await session("MERCHANT");
  await completeApplication(draftA.actor); // every step and the three documents, not yet submitted

  const [mA, bA] = [merchantA.actor, buyerA.actor];
  // Buyer A holds fund units: to redeem, and to pay from the fund.
  await inTransaction(prisma, (tx) => subscribeToFund(tx, bA, { amountFen: 100_000n, idempotencyKey: "tenants-fund-1" }));
  const orders = {
    created: await newOrder(mA, "88.00"),
    createdToClose: await newOrder(mA, "9.00"),
    paidToShip: await paidOrder(mA, bA, "10.00"),
    paidToCancel: await paidOrder(mA, bA, "11.00"),
    paidToRefund: await paidOrder(mA, bA, "12.00"),
    shippedToConfirm: await shippedOrder(mA, bA, "13.00"),
    shippedToExtend: await shippedOrder(mA, bA, "14.00"),
    shippedToDispute: await shippedOrder(mA, bA, "15.00"),
  };

  const dispute = async (then?: "offer" | "contest" | "escalate") => {
    const order = await shippedOrder(mA, bA, "50.00");
    const opened = await inTransaction(prisma, (tx) =>
      openDispute(tx, bA, { orderId: order.id, reason: "NOT_AS_DESCRIBED", claimedFen: 5_000n, description: "与描述不符，颜色不对", files: [{ bytes: PNG, name: "photo.png" }] }),
    );
    if (then === "offer" || then === "escalate") await inTransaction(prisma, (tx) => merchantRespond(tx, mA, opened.id, { kind: "OFFER", amountFen: 2_000n }));
    if (then === "escalate") await inTransaction(prisma, (tx) => buyerEscalate(tx, bA, opened.id, "请平台处理"));
    return opened.id;
  };
  const disputes = {
    toAccept: await dispute(),
    toOffer: await dispute(),
    toContest: await dispute(),
    toMessage: await dispute(),
    toWithdraw: await dispute(),
    toAcceptOffer: await dispute("offer"),
    toEscalate: await dispute("offer"),
    toDecide: await dispute("escalate"),
  };

  // For the review actions: an application waiting for review, an approved merchant to suspend, and a
  // rejected one whose cooling-off period has passed (to apply again).
  const submitted = await session("MERCHANT");
  await submittedMerchant(submitted.actor);
  const toSuspend = await session("MERCHANT", { approved: true });
  const rejected = await session("MERCHANT");
  await submittedMerchant(rejected.actor);
  await inTransaction(prisma, async (tx) =>
    decideApplication(tx, admin.actor, await merchantIdOf(rejected), { decision: "REJECT", reasonCode: "OTHER", message: "资料不全" }),
  );
  await prisma.setting.create({ data: { key: "merchant.reapplyCoolingDays", value: 0 } });
  clearSettingsCache();

  // Password controls act on users of their own, so buyer A keeps the password the sign-in control uses. The
  // reset link is made the real way: the request writes the email, the delivery job makes its token.
  const changesPassword = await session("BUYER");
  const forgetsPassword = await session("BUYER");
  const resetsPassword = await session("BUYER");
  await requestPasswordReset(prisma, { email: resetsPassword.email, ip: null });
  const resetEmail = (await deliver()).find((m) => m.kind === "password.reset" && m.to === resetsPassword.email);
  if (!resetEmail) throw new Error("the reset email was not sent");

  // Merchant credit: an order to borrow against, an approved application to accept, a loan to repay, an
  // application waiting for review. A new merchant's score may decline an application: the fixture puts each
  // one where its action needs it (the decision itself is tested in lib/credit).
  const creditApplication = async (status: "APPROVED" | "REVIEW") => {
    const order = await shippedOrder(mA, bA, "1000.00");
    const { result } = await inTransaction(prisma, (tx) => applyForLoan(tx, mA, { product: "ORDER", amountFen: 50_000n, orderId: order.id, idempotencyKey: `tenants-loan-${order.id}` }));
    await prisma.loanApplication.update({
      where: { id: result.applicationId },
      data: { status, reasons: [], decidedAt: status === "APPROVED" ? new Date() : null, expiresAt: status === "APPROVED" ? new Date(Date.now() + 7 * 86_400_000) : null },
    });
    return result.applicationId;
  };
  const loanApplication = await creditApplication("APPROVED");
  const accepted = await inTransaction(prisma, (tx) => acceptApplication(tx, mA, { applicationId: loanApplication, idempotencyKey: "tenants-loan-accept" }));
  const credit = {
    orderToBorrow: (await shippedOrder(mA, bA, "1000.00")).id,
    toAccept: await creditApplication("APPROVED"),
    toReview: await creditApplication("REVIEW"),
    loanToRepay: accepted.result.loanId as string,
  };

  // An operations admin whose sub-role the super admin changes.
  const opsAdmin = await session("ADMIN", { adminRole: "OPERATIONS" });

  const sessions: Record<Exclude<Caller, "signedOut">, SessionUser> = { admin, merchantA, buyerA, draftA, merchantB, buyerB, draftB };
  return {
    sessions,
    extra: { submitted, toSuspend, rejected, changesPassword, forgetsPassword, resetsPassword, opsAdmin },
    resetToken: tokenIn(resetEmail.text),
    orders,
    disputes,
    credit,
    merchantIds: { merchantA: await merchantIdOf(merchantA), draftA: await merchantIdOf(draftA), submitted: await merchantIdOf(submitted), toSuspend: await merchantIdOf(toSuspend) },
    documentIds: (await prisma.merchantDocument.findMany({ where: { merchantId: await merchantIdOf(draftA) } })).map((d) => d.id),
    emails: { buyerA: buyerA.email },
  };
}
export type Tenants = Awaited<ReturnType<typeof createTenants>>;

/**
 * The ids each caller owns: its user, merchant, ledger accounts, and the orders, disputes, documents and
 * evidence files it is a party to. A change made by one caller must never touch another's.
 */
export async function idsOwnedBy(users: Record<string, { userId: string }>): Promise<Map<string, Set<string>>> {
  const owned = new Map<string, Set<string>>();
  for (const [caller, { userId }] of Object.entries(users)) {
    const ids = new Set<string>([userId]);
    const merchant = await prisma.merchant.findUnique({ where: { userId } });
    if (merchant) ids.add(merchant.id);
    const orders = await prisma.order.findMany({ where: { OR: [{ buyerId: userId }, ...(merchant ? [{ merchantId: merchant.id }] : [])] }, select: { id: true } });
    for (const o of orders) ids.add(o.id);
    const disputes = await prisma.dispute.findMany({ where: { orderId: { in: orders.map((o) => o.id) } }, select: { id: true } });
    for (const d of disputes) ids.add(d.id);
    const files = await prisma.disputeFile.findMany({ where: { disputeId: { in: disputes.map((d) => d.id) } }, select: { id: true } });
    for (const f of files) ids.add(f.id);
    if (merchant) for (const d of await prisma.merchantDocument.findMany({ where: { merchantId: merchant.id }, select: { id: true } })) ids.add(d.id);
    const accounts = await prisma.ledgerAccount.findMany({ where: { OR: [{ userId }, { orderId: { in: orders.map((o) => o.id) } }] }, select: { id: true } });
    for (const a of accounts) ids.add(a.id);
    owned.set(caller, ids);
  }
  return owned;
}
