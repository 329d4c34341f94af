import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) }) });
}

const globalForPrisma = globalThis as unknown as { anxinPrisma?: PrismaClient };

/** The one Prisma client of the process (kept on globalThis so dev reloads do not leak pools). */
export const prisma: PrismaClient = globalForPrisma.anxinPrisma ?? createClient();
globalForPrisma.anxinPrisma = prisma;
