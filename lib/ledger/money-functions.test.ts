import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { moneyRefusal } from "@/lib/db/money-call";
import { splitRelease } from "@/lib/escrow/release-split";
import { orderAccountCode, platformAccountCode, userAccountCode } from "@/lib/ledger/accounts";
import { ledgerLink } from "@/lib/ledger/hash-chain";
import { verifyLedger } from "@/lib/ledger/verify";
import { prisma, resetDatabase } from "@/tests/db";
import { newOrder } from "@/tests/escrow-fixtures";
import { createUser } from "@/tests/fixtures";

// The money rules that live in the database (prisma/migrations/*_money_functions), called directly.

const refusal = async (promise: Promise<unknown>) => moneyRefusal(await promise.then(() => null, (e: unknown) => e))?.code ?? "none";

describe("money functions in the database", () => {
  beforeEach(resetDatabase);

  it("ledger_open_account opens an account once, with the codes lib/ledger uses, and only clearing and receivables may go negative", async () => {
    const user = await createUser("BUYER");
    const merchant = await createUser("MERCHANT", { approved: true });
    const order = await newOrder(merchant.actor);
    const [row] = await prisma.$queryRaw<{ wallet: string; again: string; receivable: string; fee: string; escrow: string }[]>`
      SELECT ledger_user_account(${user.id}, 'WALLET') AS wallet, ledger_user_account(${user.id}, 'WALLET') AS again,
             ledger_user_account(${user.id}, 'RECEIVABLE') AS receivable, ledger_platform_account('PLATFORM_FEE') AS fee,
             ledger_order_account(${order.id}) AS escrow`;
    expect(row.again).toBe(row.wallet);
    const accounts = await prisma.ledgerAccount.findMany({ where: { id: { in: [row.wallet, row.receivable, row.fee, row.escrow] } } });
    const byId = new Map(accounts.map((a) => [a.id, a]));
    expect(byId.get(row.wallet)).toMatchObject({ code: userAccountCode(user.id, "WALLET"), allowNegative: false });
    expect(byId.get(row.receivable)).toMatchObject({ code: userAccountCode(user.id, "RECEIVABLE"), allowNegative: true });
    expect(byId.get(row.fee)).toMatchObject({ code: platformAccountCode("PLATFORM_FEE"), allowNegative: false });
    expect(byId.get(row.escrow)).toMatchObject({ code: orderAccountCode(order.id), type: "ESCROW", orderId: order.id });
  });

  it("ledger_post writes a balanced journal with running balances, and refuses overdrafts, imbalance and repeats with nothing written", async () => {
    const [a] = await prisma.$queryRaw<{ bank: string; wallet: string }[]>`
      SELECT ledger_platform_account('BANK_CLEARING') AS bank, ledger_user_account(${(await createUser("BUYER")).id}, 'WALLET') AS wallet`;
    const rows = await prisma.$queryRaw<{ account_id: string; amount: bigint; balance_after: bigint }[]>`
      SELECT account_id, amount, balance_after FROM ledger_post('TOPUP', 'test', NULL, NULL, NULL, ${[a.bank, a.wallet]}::text[], ${["-500", "500"]}::bigint[])`;
    expect(rows).toEqual([
      { account_id: a.bank, amount: -500n, balance_after: -500n },
      { account_id: a.wallet, amount: 500n, balance_after: 500n },
    ]);
    const journals = await prisma.journal.count();
    expect(await refusal(prisma.$queryRaw`SELECT * FROM ledger_post('X', NULL, NULL, NULL, NULL, ${[a.wallet, a.bank]}::text[], ${["-501", "501"]}::bigint[])`)).toBe("insufficient_funds");
    await expect(prisma.$queryRaw`SELECT * FROM ledger_post('X', NULL, NULL, NULL, NULL, ${[a.wallet, a.bank]}::text[], ${["-1", "2"]}::bigint[])`).rejects.toThrow(/sum to zero/);
    await expect(prisma.$queryRaw`SELECT * FROM ledger_post('X', NULL, NULL, NULL, NULL, ${[a.wallet, a.wallet]}::text[], ${["-1", "1"]}::bigint[])`).rejects.toThrow(/once/);
    await expect(prisma.$queryRaw`SELECT * FROM ledger_post('X', NULL, NULL, NULL, NULL, ${[a.wallet, "nope"]}::text[], ${["-1", "1"]}::bigint[])`).rejects.toThrow(/unknown account/);
    expect(await prisma.journal.count()).toBe(journals);
  });

  it("idem_begin: a new key runs, the same request replays the stored result, another request is refused", async () => {
    const begin = (hash: string) =>
      prisma.$queryRaw<{ stored: unknown }[]>`SELECT idem_begin('u:test', 'key-12345678', ${hash}, now(), now() + interval '1 day') AS stored`;
    expect((await begin("h1"))[0].stored).toBeNull();
    expect((await begin("h1"))[0].stored).toEqual({ response: null });
    await prisma.$executeRaw`SELECT idem_finish('u:test', 'key-12345678', '{"ok": 1}'::jsonb)`;
    expect((await begin("h1"))[0].stored).toEqual({ response: { ok: 1 } });
    expect(await refusal(begin("h2"))).toBe("idempotency_conflict");
    expect(await refusal(prisma.$queryRaw`SELECT idem_begin('u:test', 'bad key', 'h', now(), now())`)).toBe("idempotency_key_invalid");
  });

  it("escrow_split splits exactly as lib/escrow/release-split.ts does, and always adds up (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 100_000_000_00n }), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 5_000 })), { minLength: 1, maxLength: 50 }),
        async (cases) => {
          const rows = await prisma.$queryRaw<{ fee: bigint; reserve: bigint; net: bigint }[]>`
            SELECT s.fee, s.reserve, s.net
              FROM unnest(${cases.map((c) => c[0].toString())}::bigint[], ${cases.map((c) => c[1])}::int[], ${cases.map((c) => c[2])}::int[]) WITH ORDINALITY AS x(held, f, r, n)
              CROSS JOIN LATERAL escrow_split(x.held, x.f, x.r) s ORDER BY x.n`;
          cases.forEach(([held, f, r], i) => {
            expect(rows[i]).toEqual(splitRelease(held, f, r));
            expect(rows[i].fee + rows[i].reserve + rows[i].net).toBe(held);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("the hash chain", () => {
  beforeEach(resetDatabase);

  it("ledger_post extends each account's chain exactly as lib/ledger/hash-chain.ts computes it", async () => {
    const buyer = await createUser("BUYER", { balanceFen: 10_000n });
    await createUser("BUYER", { balanceFen: 2_500n });
    const postings = await prisma.posting.findMany({ orderBy: { id: "asc" } });
    const previous = new Map<string, string | null>();
    for (const p of postings) {
      const expected = ledgerLink(previous.get(p.accountId) ?? null, p.journalId, p.accountId, p.amount, p.balanceAfter);
      expect(p.hash).toBe(expected);
      previous.set(p.accountId, expected);
    }
    const wallet = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: userAccountCode(buyer.id, "WALLET") } });
    expect(wallet.lastHash).toBe(previous.get(wallet.id));
    const [sql] = await prisma.$queryRaw<{ h: string }[]>`SELECT ledger_link('abc', 7, 'acc', -5, 12) AS h`;
    expect(sql.h).toBe(ledgerLink("abc", 7n, "acc", -5n, 12n));
  });

  it("ledger:verify finds the first broken link when a posting is edited behind the ledger's back", async () => {
    await createUser("BUYER", { balanceFen: 10_000n });
    const buyer = await createUser("BUYER", { balanceFen: 2_500n });
    expect(await verifyLedger(prisma)).toEqual([]);
    const wallet = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: userAccountCode(buyer.id, "WALLET") } });
    const [posting] = await prisma.posting.findMany({ where: { accountId: wallet.id } });
    await prisma.$transaction([
      prisma.$executeRaw`ALTER TABLE postings DISABLE TRIGGER postings_append_only`,
      prisma.$executeRaw`UPDATE postings SET hash = ledger_link(NULL, journal_id, account_id, amount, balance_after + 1) WHERE id = ${posting.id}`,
      prisma.$executeRaw`ALTER TABLE postings ENABLE TRIGGER postings_append_only`,
    ]);
    const chain = (await verifyLedger(prisma)).filter((v) => v.rule === "hash_chain_intact");
    expect(chain.map((v) => v.detail)).toEqual([
      `account ${wallet.code}: the chain breaks at posting ${posting.id}`,
      `account ${wallet.code}: its head is not its last posting's hash`,
    ]);
  });
});
