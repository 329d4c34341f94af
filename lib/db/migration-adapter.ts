import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The pg adapter's executeScript splits a migration on every ";" and runs the pieces one by one. That
 * breaks dollar-quoted function bodies (our ledger triggers) and applies half a migration when a
 * statement fails. Sending the whole script as one simple-protocol query runs it as a single implicit
 * transaction: a migration applies entirely or not at all.
 */
export class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}
