import type { RunSummary } from "./run-schemas";
import { RunRow } from "./run-row";

const columns = ["Contact", "Automation", "Status", "Current step", "Timeout", "Started", "Updated"];

/** Ticking rows, for the bulk actions; absent, the table has no checkboxes. */
export type RowSelection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** All rows on screen are ticked / some are. */
  page: "all" | "some" | "none";
  togglePage: () => void;
};

/** The runs as a table, newest first (the API's order). */
export function RunsTable({ runs, now, selection }: { runs: RunSummary[]; now: number | null; selection?: RowSelection }) {
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          {selection && (
            <th scope="col" className="w-10 bg-slate-50/80 py-2 pl-4">
              <input
                type="checkbox"
                aria-label="Select all runs on this page"
                className="size-4 rounded border-slate-300 accent-brand-600"
                checked={selection.page === "all"}
                ref={(box) => {
                  if (box) box.indeterminate = selection.page === "some";
                }}
                onChange={selection.togglePage}
              />
            </th>
          )}
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`bg-slate-50/80 py-2 font-medium ${index === 0 ? (selection ? "px-3" : "pr-3 pl-4") : index === columns.length - 1 ? "pr-4 pl-3" : "px-3"}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <RunRow key={run.id} run={run} now={now} selected={selection?.isSelected(run.id)} onToggle={selection ? () => selection.toggle(run.id) : undefined} />
        ))}
      </tbody>
    </table>
  );
}

/** Grey placeholder rows while the first answer is on its way. */
export function RunsTableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading runs" className="divide-y divide-slate-100">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-4 py-3.5">
          <div className="h-3 w-32 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-40 animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-16 animate-pulse rounded-full bg-slate-100" />
          <div className="h-3 w-28 animate-pulse rounded bg-slate-100" />
          <div className="ml-auto h-3 w-16 animate-pulse rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
