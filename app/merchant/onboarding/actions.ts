"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/client";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { DOCUMENT_KINDS, uploadDocument } from "@/lib/merchants/onboarding/documents";
import { saveBusinessStep, saveRepresentativeStep, saveSettlementStep } from "@/lib/merchants/onboarding/save-step";
import { startNewApplication, submitApplication } from "@/lib/merchants/onboarding/submit";
import { singleLine } from "@/lib/validation/text";

// The step's fields go to the domain function as typed; it is the one place that parses and checks each
// field. Here only the rules every text shares (no control characters, bidi controls removed) and a cap.
const stepFields = z.record(z.string(), singleLine({ max: 2_000 }));

const done = () => {
  revalidatePath("/merchant", "layout");
  return { saved: true };
};

export const saveBusiness = protectedAction("onboarding.edit", stepFields, async (input, { user }) => {
  await inTransaction(prisma, (tx) => saveBusinessStep(tx, user, input as never));
  return done();
});

export const saveRepresentative = protectedAction("onboarding.edit", stepFields, async (input, { user }) => {
  await inTransaction(prisma, (tx) => saveRepresentativeStep(tx, user, input as never));
  return done();
});

export const saveSettlement = protectedAction("onboarding.edit", stepFields, async (input, { user }) => {
  await inTransaction(prisma, (tx) => saveSettlementStep(tx, user, input as never));
  return done();
});

const uploadSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: "validation.invalid" }),
  file: z.instanceof(File, { error: "validation.file.empty" }),
});

export const uploadOnboardingDocument = protectedAction("onboarding.edit", uploadSchema, async ({ kind, file }, { user }) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await inTransaction(prisma, (tx) => uploadDocument(tx, user, { kind, bytes, name: file.name }));
  return done();
});

export const submitOnboarding = protectedAction("onboarding.edit", z.object({}), async (_input, { user }) => {
  await inTransaction(prisma, (tx) => submitApplication(tx, user));
  return done();
});

export const reapply = protectedAction("onboarding.edit", z.object({}), async (_input, { user }) => {
  await inTransaction(prisma, (tx) => startNewApplication(tx, user));
  return done();
});
