"use client";

import clsx from "clsx";
import { Ban, CircleDot, CircleX, ShieldAlert, Wrench, type LucideIcon } from "lucide-react";
import { nodeAppearance } from "@/components/editor/node-appearance";
import { nodeTypes } from "@/lib/flow/graph";
import { useState } from "react";
import { formatClock, formatDateTime } from "./format-time";
import type { RunStep, RunWithSteps } from "./run-schemas";
import { outcomeLabel, stepTypeLabel } from "./step-labels";
import { waitWords, type WaitKind } from "./wait-words";

/** Node steps take their type's icon from the editor's palette; the rest are the engine's own entries. */
const icons: Record<string, LucideIcon> = {
  ...Object.fromEntries(nodeTypes.map((type) => [type, nodeAppearance[type].icon])),
  failed: CircleX,
  cancelled: Ban,
  guard: ShieldAlert,
  repair: Wrench,
};

const outcomeTone: Record<string, string> = {
  replied: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  noResponse: "bg-amber-50 text-amber-800 ring-amber-600/25",
};

/** Long histories (a loop stopped by the guard rail) show their latest steps until expanded. */
const COLLAPSED_STEPS = 30;

/** The run's history, oldest first: what happened at which step, with outcomes and times. */
export function RunTimeline({ run }: { run: RunWithSteps }) {
  const [expanded, setExpanded] = useState(false);
  const steps = [...run.steps].sort((a, b) => a.seq - b.seq);
  if (steps.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">No steps recorded yet.</p>;
  const openWait = openWaitStep(run, steps);
  const hidden = expanded ? 0 : Math.max(0, steps.length - COLLAPSED_STEPS);
  const shown = steps.slice(hidden);

  return (
    <div className="px-5 py-4">
      {hidden > 0 && (
        <button
          type="button"
          onClick={() => setExpanded(true)}
          className="mb-4 w-full rounded-md border border-dashed border-slate-300 py-1.5 text-xs font-medium text-slate-600 transition hover:border-slate-400 hover:bg-slate-50"
        >
          Show {hidden} earlier {hidden === 1 ? "step" : "steps"}
        </button>
      )}
      <ol aria-label="Step history">
        {shown.map((step, index) => (
          <TimelineItem key={step.seq} step={step} last={index === shown.length - 1} waiting={step === openWait ? (run.wait?.kind ?? "reply") : null} />
        ))}
      </ol>
    </div>
  );
}

/** The entry into the wait the run is in now, if it is waiting. */
function openWaitStep(run: RunWithSteps, steps: RunStep[]): RunStep | undefined {
  if (run.status !== "waiting" || !run.wait) return undefined;
  const nodeId = run.wait.nodeId;
  return steps.findLast((step) => step.nodeId === nodeId && !step.outcome);
}

function TimelineItem({ step, last, waiting }: { step: RunStep; last: boolean; waiting: WaitKind | null }) {
  const Icon = icons[step.type] ?? CircleDot;
  const typeLabel = stepTypeLabel(step.type);
  const title = step.label || typeLabel;
  const failed = step.type === "failed" || step.type === "guard";

  return (
    <li data-testid="run-step" data-step-type={step.type} data-outcome={step.outcome ?? undefined} className="relative flex gap-3 pb-5 last:pb-0">
      {!last && <span aria-hidden className="absolute top-7 bottom-0 left-3.5 w-px bg-slate-200" />}
      <span
        aria-hidden
        className={clsx(
          "relative flex size-7 shrink-0 items-center justify-center rounded-full ring-1 ring-inset",
          waiting
            ? "bg-amber-50 text-amber-700 ring-amber-300"
            : failed
              ? "bg-red-50 text-red-600 ring-red-200"
              : "bg-white text-slate-500 ring-slate-200",
        )}
      >
        <Icon className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-sm font-medium text-slate-900">{title}</span>
          {title !== typeLabel && <span className="text-xs text-slate-400">{typeLabel}</span>}
          {step.outcome && (
            <span
              className={clsx(
                "rounded-full px-1.5 py-px text-xs font-medium ring-1 ring-inset",
                outcomeTone[step.outcome] ?? "bg-slate-100 text-slate-600 ring-slate-500/20",
              )}
            >
              {outcomeLabel(step.outcome)}
            </span>
          )}
          {waiting && (
            <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-1.5 py-px text-xs font-medium text-amber-800 ring-1 ring-amber-600/25 ring-inset">
              <span className="size-1.5 animate-pulse rounded-full bg-amber-500" />
              {waitWords[waiting].badge}
            </span>
          )}
          <time
            dateTime={step.at}
            title={formatDateTime(step.at)}
            className="ml-auto shrink-0 text-xs text-slate-400 tabular-nums"
          >
            {formatClock(step.at)}
          </time>
        </div>
        {step.detail && (
          <p className={clsx("mt-1 text-sm break-words whitespace-pre-wrap", failed ? "text-red-700" : "text-slate-600")}>
            {step.detail}
          </p>
        )}
      </div>
    </li>
  );
}
