import { db, type Tx } from "../db.ts";

const MAX_ATTEMPTS = 5;

/**
 * Runs fn in one transaction, retrying when Postgres aborts it for a deadlock or a serialization
 * failure: those say nothing about the input, only that another transaction got there first.
 */
export async function withTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(fn, { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}

function isTransient(error: unknown): boolean {
  const text = String(error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : error);
  return /P2034|40P01|40001|deadlock detected|could not serialize/i.test(text);
}
