import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../lib/migrate.ts";

export const TEMPLATE_DB = "replyflow_test_template";

/** Server URL for tests: set by scripts/test.ts (embedded Postgres) or by the developer. */
export function testServerUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error("TEST_PG_URL is not set: run tests through `npm test`");
  return url;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated template, built once per test run; each test file clones it (fast). */
export async function prepareTemplate(): Promise<void> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  await applyMigrations(withDatabase(testServerUrl(), TEMPLATE_DB));
}

/** A fresh, migrated database of its own for one test file; DATABASE_URL points at it. */
export async function createTestDatabase(prefix = "t"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const url = withDatabase(testServerUrl(), name);
  process.env.DATABASE_URL = url;
  return url;
}
