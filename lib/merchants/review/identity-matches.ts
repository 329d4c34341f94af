import type { Db } from "@/lib/db/transaction";

export type IdentityField = "creditCode" | "repIdNumber" | "accountNumber";
export type IdentityMatch = { field: IdentityField; merchantId: string; displayName: string; status: string };

/**
 * Other merchants whose application carries the same unified social credit code, legal representative's ID
 * number or settlement account as this one: one business or person behind several shops, or a reused identity.
 * For the reviewer only (never shown to the applicant); approving over a match needs an acknowledgement.
 */
export async function findIdentityMatches(db: Db, merchantId: string): Promise<IdentityMatch[]> {
  // The application's fields are stored normalised (upper case, account digits only), so equality is a match.
  const rows = await db.$queryRaw<{ field: IdentityField; merchant_id: string; display_name: string; status: string }[]>`
    WITH me AS (SELECT credit_code, rep_id_number, account_number FROM merchant_applications WHERE merchant_id = ${merchantId}),
    hits AS (
      SELECT 'creditCode' AS field, a.merchant_id FROM me JOIN merchant_applications a ON a.credit_code = me.credit_code
      UNION ALL SELECT 'repIdNumber', a.merchant_id FROM me JOIN merchant_applications a ON a.rep_id_number = me.rep_id_number
      UNION ALL SELECT 'accountNumber', a.merchant_id FROM me JOIN merchant_applications a ON a.account_number = me.account_number
    )
    SELECT h.field, m.id AS merchant_id, m.display_name, m.status::text AS status
      FROM hits h JOIN merchants m ON m.id = h.merchant_id
     WHERE h.merchant_id <> ${merchantId}
     ORDER BY h.field, m.display_name
     LIMIT 50`;
  return rows.map((r) => ({ field: r.field, merchantId: r.merchant_id, displayName: r.display_name, status: r.status }));
}
