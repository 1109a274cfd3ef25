import { loadRun, tryStop } from "./cancel-run.ts";
import { withTx } from "./with-tx.ts";

/** Marks a run failed after its job exhausted its retries, so it never sits silently stuck. */
export async function failRun(runId: string, reason: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const run = await withTx((tx) => loadRun(tx, runId));
    if (!run || (run.status !== "running" && run.status !== "waiting")) return;
    if (await tryStop(run, "failed", reason)) return;
  }
}
