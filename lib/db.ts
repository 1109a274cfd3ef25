import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { survivesRestarts } from "./pg-errors.ts";

export type Db = PrismaClient;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded Postgres)");
  return url;
}

export function createDb(url = databaseUrl(), poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): Db {
  const pool = survivesRestarts(new pg.Pool({ connectionString: url, max: poolSize }));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// One client per process: Next.js dev reloads modules, so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { replyflowDb?: Db };

export function db(): Db {
  globalForDb.replyflowDb ??= createDb();
  return globalForDb.replyflowDb;
}
