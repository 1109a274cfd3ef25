import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import type { ActiveRun } from "./contact-schemas";

/** The contact's active runs, each linked to its run page, with status and current step. */
export function ContactActiveRuns({ runs }: { runs: ActiveRun[] }) {
  return (
    <section aria-labelledby="runs-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="runs-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        Active runs
      </h2>
      {runs.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">Not in any automation right now.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Active runs">
          {runs.map((run) => (
            <li key={run.id} data-testid="active-run" className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
              <Link href={`/runs/${run.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                Run {run.id}
              </Link>
              <RunStatusBadge status={run.status} />
              <span className="text-slate-500">
                at step <span className="font-mono text-xs text-slate-700">{run.currentNodeId ?? "—"}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
