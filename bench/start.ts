import { startRuns } from "../lib/engine/start-runs.ts";
import { count, waitForCount, type BenchContext } from "./helpers.ts";

type Contact = { phone: string; name?: string };
type StartOptions = { onProgress?: (started: number, total: number) => void };

/**
 * startRuns as the batch engine declares it: a big start streams in chunks and reports each
 * through onProgress. (An engine without the option just ignores it.)
 */
export const startRunsWithProgress: (automationId: string, contacts: Contact[], options?: StartOptions) => Promise<unknown[]> = startRuns;

export const waitingRuns = (pool: BenchContext["pool"], automationId: string) =>
  count(pool, `SELECT count(*) AS n FROM "Run" WHERE "automationId" = $1 AND status = 'waiting'`, [automationId]);

/** Polls until `total` runs of the automation wait (printing progress). */
export const allWaiting = (pool: BenchContext["pool"], automationId: string, total: number, label: string) =>
  waitForCount(`${label}: runs waiting`, () => waitingRuns(pool, automationId), total, 500);
