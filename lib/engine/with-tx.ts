import { transaction, type Tx } from "../sql.ts";

const MAX_ATTEMPTS = 5;
/** deadlock_detected, serialization_failure: about timing, never about the input. */
const TRANSIENT = new Set(["40P01", "40001"]);

/** Runs fn in one transaction, retrying when Postgres aborts it because another got there first. */
export async function withTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(fn);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}

const isTransient = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" && TRANSIENT.has(error.code);
