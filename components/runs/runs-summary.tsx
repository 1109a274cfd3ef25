import type { RunStatus, RunSummary } from "./run-schemas";

const shown: RunStatus[] = ["waiting", "running", "failed"];

/** "12 runs · 3 waiting · 1 running": the counts of the runs on screen. */
export function RunsSummary({ runs, limit }: { runs: RunSummary[]; limit: number }) {
  const total = runs.length >= limit ? `Latest ${limit} runs` : `${runs.length} ${runs.length === 1 ? "run" : "runs"}`;
  const counts = shown.flatMap((status) => {
    const count = runs.filter((run) => run.status === status).length;
    return count > 0 ? [`${count} ${status}`] : [];
  });
  return <>{[total, ...counts].join(" · ")}</>;
}
