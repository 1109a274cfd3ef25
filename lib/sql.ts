import pg from "pg";
import type { Db as BossDb } from "pg-boss";
import { databaseUrl } from "./db.ts";
import { survivesRestarts } from "./pg-errors.ts";

/**
 * The run engine's connection to Postgres: node-postgres with plain SQL transactions. Prisma
 * owns the schema, migrations and the CRUD around the engine; the engine's hot path bypasses it
 * because an interactive Prisma transaction measured about 4x the cost of the same statements
 * here (docs/architecture.md).
 */
export type Tx = {
  /** Tagged template: `${value}` becomes a bind parameter, never spliced into the text. */
  sql: <T extends object = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]) => Promise<T[]>;
  /** The same connection, for pg-boss to enqueue jobs inside this transaction. */
  boss: BossDb;
};

const globalForSql = globalThis as unknown as { replyflowPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForSql.replyflowPool) {
    const created = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) });
    survivesRestarts(created);
    globalForSql.replyflowPool = created;
  }
  return globalForSql.replyflowPool;
}

export async function closePool(): Promise<void> {
  await globalForSql.replyflowPool?.end();
  globalForSql.replyflowPool = undefined;
}

/** Runs fn inside BEGIN/COMMIT on one connection; any throw rolls everything back. */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  const tx: Tx = {
    sql: async <R extends object>(strings: TemplateStringsArray, ...values: unknown[]) =>
      (await client.query<R>(toText(strings), values)).rows,
    boss: { executeSql: (text, values) => client.query(text, values) },
  };
  try {
    await client.query("BEGIN");
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const textCache = new WeakMap<TemplateStringsArray, string>();

function toText(strings: TemplateStringsArray): string {
  let text = textCache.get(strings);
  if (text === undefined) {
    text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    textCache.set(strings, text);
  }
  return text;
}
