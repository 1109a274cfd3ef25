"use client";

import clsx from "clsx";
import { runStatuses, type RunStatus } from "../run-schemas";
import type { RunCounts } from "./console-schemas";

const tone: Record<RunStatus, string> = {
  running: "text-sky-700",
  waiting: "text-amber-700",
  completed: "text-emerald-700",
  failed: "text-red-700",
  cancelled: "text-slate-600",
};

type Props = { counts: RunCounts | null; status: string; onStatus: (status: string) => void };

/** "All 1,234 · waiting 56 · ...": the totals for the filters; a click filters by that status (again: all). */
export function StatusTotals({ counts, status, onStatus }: Props) {
  const number = (n: number | undefined) => (n === undefined ? "…" : n.toLocaleString("en-US"));
  return (
    <div role="group" aria-label="Run totals" className="flex flex-wrap gap-2">
      <Total label="All" value={number(counts?.total)} pressed={status === ""} onClick={() => onStatus("")} />
      {runStatuses.map((s) => (
        <Total key={s} label={s} value={number(counts?.byStatus[s])} pressed={status === s} className={tone[s]} onClick={() => onStatus(status === s ? "" : s)} />
      ))}
    </div>
  );
}

function Total({ label, value, pressed, className, onClick }: { label: string; value: string; pressed: boolean; className?: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      data-testid={`total-${label.toLowerCase()}`}
      onClick={onClick}
      className={clsx(
        "flex min-w-24 flex-col items-start rounded-lg border px-3 py-1.5 text-left transition",
        pressed ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500/30" : "border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50",
      )}
    >
      <span className={clsx("text-xs font-medium capitalize", className ?? "text-slate-500")}>{label}</span>
      <span className="text-base font-semibold text-slate-900 tabular-nums">{value}</span>
    </button>
  );
}
