import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/** A message ready to go: rendered in the recipient's language, addressed. */
export type OutgoingEmail = { id: bigint; kind: string; to: string; subject: string; text: string; html: string };

export type EmailTransport = {
  name: "smtp" | "outbox";
  /** Outbox messages keep their bodies in the database (the demo's mailbox); SMTP ones do not. */
  keepsBodies: boolean;
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
};

export const DEFAULT_FROM = "安心付 Anxin Pay <no-reply@anxin.local>";

/** The folder messages are written to when there is no SMTP_URL: `<data folder>/outbox`. */
export function outboxDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.ANXIN_DATA_DIR || ".data", "outbox");
}

/** The .eml file of one message in the outbox folder, named by its row so a repeated write replaces it. */
export const outboxFileName = (id: bigint, kind: string) => `${id.toString().padStart(8, "0")}-${kind.replace(/[^a-zA-Z0-9.-]/g, "_")}.eml`;

function envelope(message: OutgoingEmail, from: string) {
  // The row id goes into a header, so a message found in a mailbox can be traced to its outbox row.
  return { from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: { "X-Anxin-Outbox-Id": message.id.toString() } };
}

/** Sends through an SMTP server given as a URL (smtp://user:pass@host:587, smtps://…). */
export function smtpTransport(url: string, from = DEFAULT_FROM): EmailTransport {
  // Bounded waits: delivery holds the outbox row's lock while it talks to the server.
  const mailer = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
  return {
    name: "smtp",
    keepsBodies: false,
    async send(message) {
      const info = await mailer.sendMail(envelope(message, from));
      return { messageId: info.messageId };
    },
  };
}

/** Writes each message as an .eml file (readable by any mail program) into `dir`: the offline demo's mailbox. */
export function outboxTransport(dir: string, from = DEFAULT_FROM): EmailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "outbox",
    keepsBodies: true,
    async send(message) {
      const info = await composer.sendMail(envelope(message, from));
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, outboxFileName(message.id, message.kind));
      // Write then rename: a reader never sees half a message.
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, info.message as Buffer);
      await rename(temporary, target);
      return { messageId: info.messageId };
    },
  };
}

/** SMTP when SMTP_URL is set, otherwise the outbox folder. MAIL_FROM names the sender. */
export function transportFromEnv(env: Record<string, string | undefined> = process.env): EmailTransport {
  const from = env.MAIL_FROM || DEFAULT_FROM;
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL, from) : outboxTransport(outboxDir(env), from);
}
