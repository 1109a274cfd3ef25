import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../lib/migrate.ts";
import { startPostgres } from "../scripts/postgres.ts";

export type BenchDatabase = {
  /** URL of the fresh, migrated database of this run (also set as process.env.DATABASE_URL). */
  url: string;
  server: "embedded" | "DATABASE_URL";
  /** Drops the database and stops the embedded server, if we started one. */
  dispose: () => Promise<void>;
};

const EMBEDDED_PORT = 54339;

/**
 * A fresh database for one bench run, on DATABASE_URL's server or else on an embedded Postgres
 * ("bench-postgres", kept under .data/). Migrated with the project's own migrator.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  const embedded = external ? undefined : await startPostgres("bench-postgres", EMBEDDED_PORT);
  const serverUrl = external ?? embedded?.url("postgres") ?? "";
  const name = `bench_${randomBytes(5).toString("hex")}`;
  try {
    // The embedded server is ours alone: drop what a killed earlier run left behind.
    if (embedded) for (const stale of await benchDatabases(serverUrl)) await admin(serverUrl, `DROP DATABASE ${stale} WITH (FORCE)`);
    await admin(serverUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(serverUrl, name);
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    return {
      url,
      server: embedded ? "embedded" : "DATABASE_URL",
      dispose: async () => {
        try {
          await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await embedded?.stop();
        }
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name?: string }>(sql);
    return rows.flatMap((row) => row.name ?? []);
  } finally {
    await client.end();
  }
}

const benchDatabases = (serverUrl: string) => admin(serverUrl, "SELECT datname AS name FROM pg_database WHERE datname ~ '^bench_[0-9a-f]+$'");
