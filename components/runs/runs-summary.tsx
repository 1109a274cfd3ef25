import type { RunStatus, RunSummary } from "./run-schemas";

const shown: RunStatus[] = ["waiting", "running", "failed"];

/** "12 runs · 3 waiting · 1 running": the counts of the runs on screen ("Latest 50 runs" when there are more). */
export function RunsSummary({ runs, hasMore }: { runs: RunSummary[]; hasMore: boolean }) {
  const total = hasMore ? `Latest ${runs.length} runs` : `${runs.length} ${runs.length === 1 ? "run" : "runs"}`;
  const counts = shown.flatMap((status) => {
    const count = runs.filter((run) => run.status === status).length;
    return count > 0 ? [`${count} ${status}`] : [];
  });
  return <>{[total, ...counts].join(" · ")}</>;
}
