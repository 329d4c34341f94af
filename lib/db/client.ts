import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) }) });
}

const globalForPrisma = globalThis as unknown as { anxinPrisma?: PrismaClient };

function client(): PrismaClient {
  // Kept on globalThis so dev reloads do not leak connection pools.
  globalForPrisma.anxinPrisma ??= createClient();
  return globalForPrisma.anxinPrisma;
}

/**
 * The one Prisma client of the process, created on first use: importing it (as `next build` does while
 * collecting routes) needs no database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
