import { startPostgres, type PostgresServer } from "./postgres.ts";

const TEST_PORT = Number(process.env.TEST_PG_PORT ?? 54329);

/**
 * The server tests create their databases on: DATABASE_URL's server when set, else an embedded
 * Postgres under .data/test-postgres (so a fresh machine needs nothing but `npm install`).
 */
export async function testPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const server: PostgresServer = await startPostgres(`test-postgres-${TEST_PORT}`, TEST_PORT);
  return { url: server.url("postgres"), stop: server.stop };
}
