import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors/domain-error";
import { singleLine } from "@/lib/validation/text";

// The action client runs for real; only what needs a Next.js request is replaced: the session (set per
// test) and the translator (built from the real English catalog).
let currentUser: SessionUser | null = null;
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => currentUser }));
vi.mock("next-intl/server", () => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/en.json"), "utf8"));
  return { getTranslations: async () => createTranslator({ locale: "en", messages }) };
});

const { protectedAction, publicAction } = await import("./client");

const as = (role: SessionUser["role"]): SessionUser => ({ userId: `u-${role}`, role, email: "x@y.z", name: role });

describe("action clients", () => {
  const handler = vi.fn(async (input: { amount: number }, ctx: { user: SessionUser }) => ({ echoed: input.amount, by: ctx.user.userId }));
  const topUp = protectedAction("wallet.top_up", z.object({ amount: z.coerce.number().positive({ error: "validation.amount.positive" }) }), handler);
  const createAdmin = protectedAction("admin.create_admin", z.object({}), async () => "created");

  beforeEach(() => {
    handler.mockClear();
    currentUser = null;
  });

  it("refuses a signed-out caller before parsing or running anything", async () => {
    const result = await topUp(null, { amount: "5" });
    expect(result).toEqual({ ok: false, error: { code: "unauthenticated", message: "Please sign in first." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses each role that does not hold the permission", async () => {
    currentUser = as("ADMIN");
    expect(await topUp(null, { amount: "5" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    for (const role of ["BUYER", "MERCHANT"] as const) {
      currentUser = as(role);
      expect(await createAdmin(null, {})).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes parsed input and the session user (never a user id from the form) to the handler", async () => {
    currentUser = as("BUYER");
    const form = new FormData();
    form.set("amount", "12");
    form.set("userId", "someone-else");
    expect(await topUp(null, form)).toEqual({ ok: true, data: { echoed: 12, by: "u-BUYER" } });
  });

  it("turns invalid input into translated field errors", async () => {
    currentUser = as("MERCHANT");
    expect(await topUp(null, { amount: "-3" })).toEqual({
      ok: false,
      error: { code: "validation", message: "Please check the highlighted fields.", fieldErrors: { amount: "Amount must be greater than 0." } },
    });
  });

  it("each field's message names the field and the limit, a list's row by its number, an unknown field as 'This field'", async () => {
    const note = publicAction(
      "note",
      z.object({ note: singleLine({ max: 500 }), lines: z.array(z.object({ unitPrice: singleLine({ max: 3 }) })), mystery: z.string({ error: "validation.required" }) }),
      async () => null,
    );
    const result = await note(null, { note: "x".repeat(501), lines: [{ unitPrice: "1" }, { unitPrice: "1" }, { unitPrice: "1234" }] });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          note: "Note: at most 500 characters.",
          "lines.2.unitPrice": "Line 3 unit price: at most 3 characters.",
          mystery: "This field is required.",
        },
      },
    });
  });

  it("a DomainError's field errors name their field, by the label it gives where the form name is not enough", async () => {
    currentUser = as("BUYER");
    handler.mockRejectedValueOnce(
      new DomainError("validation", {
        messageKey: "validation.setting.range",
        params: { min: 0, max: 1000 },
        fieldErrors: { amount: "validation.setting.range" },
        fieldLabels: { amount: "adminSettings.keys.merchant.feeRateBps.LOW" },
      }),
    );
    const result = await topUp(null, { amount: "1" });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { amount: "Fee rate · low risk: a whole number from 0 to 1,000." } } });
  });

  it("shows a DomainError in the user's language", async () => {
    currentUser = as("BUYER");
    handler.mockRejectedValueOnce(new DomainError("insufficient_funds"));
    expect(await topUp(null, { amount: "1" })).toEqual({ ok: false, error: { code: "insufficient_funds", message: "Insufficient balance.", fieldErrors: undefined } });
  });

  it("never shows an unexpected error's message: it is logged under a request id", async () => {
    currentUser = as("BUYER");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    handler.mockRejectedValueOnce(new Error("connection to 10.0.0.5 refused: password for user postgres"));
    const result = await topUp(null, { amount: "1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("unexpected");
    expect(result.error.message).not.toContain("10.0.0.5");
    expect(result.error.message).toContain(result.error.requestId!);
    expect(log.mock.calls[0][0]).toContain(result.error.requestId!);
    expect(log.mock.calls[0][0]).toContain("10.0.0.5");
    log.mockRestore();
  });

  it("a form field named __proto__ stays an ordinary field: it never becomes the input's prototype and lends it no fields", async () => {
    // Were "__proto__" assigned, the input would inherit from ["x", "y"] and the schema would read a field "0"
    // that the form never sent.
    const echo = publicAction("echo", z.object({ 0: z.string().optional(), a: z.string() }), async (input) => input);
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("__proto__", "y");
    form.set("constructor", "z");
    form.set("a", "1");
    expect(await echo(null, form)).toEqual({ ok: true, data: { a: "1" } });
  });

  it("public actions run without a session", async () => {
    const ping = publicAction("ping", z.object({}), async (_input, ctx) => ctx.user);
    expect(await ping(null, {})).toEqual({ ok: true, data: null });
  });
});
