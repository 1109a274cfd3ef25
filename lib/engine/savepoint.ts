import { errorText, log } from "../log.ts";
import type { Tx } from "../sql.ts";

/**
 * Runs `fn` inside a savepoint of the caller's transaction: if it throws, its writes are undone
 * and the transaction goes on (resolves undefined). For work that may fail without taking down
 * what came before it, such as a contact's message.
 */
export async function trySavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T | undefined> {
  await tx.sql`SAVEPOINT attempt`;
  try {
    const result = await fn();
    await tx.sql`RELEASE SAVEPOINT attempt`;
    return result;
  } catch (error) {
    await tx.sql`ROLLBACK TO SAVEPOINT attempt`;
    log.error({ err: errorText(error) }, "rolled back to a savepoint");
    return undefined;
  }
}
