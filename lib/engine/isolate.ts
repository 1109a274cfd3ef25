import type { Tx } from "../sql.ts";
import { RUNS_PER_TRANSACTION } from "./limits.ts";
import { withTx } from "./with-tx.ts";

/**
 * Processes `ids` as one batch; if the batch fails as a whole, processes them one by one, so one
 * bad item (a run whose data breaks a statement) costs only its own retries, never its batch
 * mates'. `process` returns the per-item errors it caught itself (the batch still committed).
 * Resolves with every item that failed, and why.
 */
export async function isolated(ids: string[], process: (ids: string[]) => Promise<Map<string, unknown>>): Promise<Map<string, unknown>> {
  try {
    return await process(ids);
  } catch (error) {
    if (ids.length === 1) return new Map([[ids[0]!, error]]);
    const failed = new Map<string, unknown>();
    for (const id of ids) {
      try {
        for (const [key, value] of await process([id])) failed.set(key, value);
      } catch (single) {
        failed.set(id, single);
      }
    }
    return failed;
  }
}

/**
 * Processes distinct `ids` in transactions of up to RUNS_PER_TRANSACTION each, every slice
 * isolated as above. Resolves with every item that failed, and why.
 */
export async function inIsolatedBatches(ids: string[], batch: (tx: Tx, ids: string[]) => Promise<Map<string, unknown>>): Promise<Map<string, unknown>> {
  const failed = new Map<string, unknown>();
  for (const slice of chunks([...new Set(ids)], RUNS_PER_TRANSACTION)) {
    for (const [id, error] of await isolated(slice, (some) => withTx((tx) => batch(tx, some)))) failed.set(id, error);
  }
  return failed;
}

/** Splits into slices of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
