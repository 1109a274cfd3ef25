import { spawnReady, type ReadyProcesses } from "../../scripts/spawn-ready.ts";

export type Workers = ReadyProcesses;

/** Starts real worker processes (jobs/worker.ts) on the current DATABASE_URL. */
export const startWorkers = (count: number, env: Record<string, string> = {}): Promise<Workers> =>
  spawnReady("jobs/worker.ts", count, env, Boolean(process.env.TEST_VERBOSE));
