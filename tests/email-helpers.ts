import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { deliverDueEmails } from "@/lib/email/deliver";
import { outboxTransport, type EmailTransport, type OutgoingEmail } from "@/lib/email/transport";
import { systemClock, type Clock } from "@/lib/time/clock";
import { prisma } from "./db";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** An outbox folder of its own for a test, deleted when the test file is done. */
export async function tempOutbox() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "anxin-outbox-test-"));
  folders.push(dir);
  return dir;
}

/** The real outbox transport into a throwaway folder, recording what it was asked to send. */
export async function recordingTransport(): Promise<EmailTransport & { sent: OutgoingEmail[]; dir: string }> {
  const dir = await tempOutbox();
  const real = outboxTransport(dir);
  const sent: OutgoingEmail[] = [];
  return {
    ...real,
    dir,
    sent,
    async send(message) {
      sent.push(message);
      return real.send(message);
    },
  };
}

/** Runs the delivery job once and returns the messages it sent. */
export async function deliver(clock: Clock = systemClock) {
  const transport = await recordingTransport();
  await deliverDueEmails(prisma, transport, clock);
  return transport.sent;
}

/** The reset link's token in a reset email's text. */
export function tokenIn(text: string): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1];
}
