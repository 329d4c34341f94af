import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A short-lived client for `url` (the app's singleton reads DATABASE_URL, which scripts have not set). */
export async function withPrisma<T>(url: string, work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
