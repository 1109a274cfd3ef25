"use client";

import { LiveIndicator } from "@/components/runs/live-indicator";
import { useEditor } from "../editor-store-context";
import type { EditorState } from "../editor-store";
import { useStats } from "./stats-context";
import type { AutomationStats } from "./stats-schema";

/**
 * A note over the canvas while the overlay is on: which published version the numbers are for,
 * whether they are live, and when the draft has steps that version lacks (those show nothing).
 */
export function StatsBanner() {
  const on = useStats((s) => s.on);
  return on ? <Banner /> : null;
}

function Banner() {
  const stats = useStats((s) => s.stats);
  const problem = useStats((s) => s.problem);
  const updatedAt = useStats((s) => s.updatedAt);
  const paused = useStats((s) => s.paused);

  return (
    <div
      role="status"
      aria-label="Stats overlay"
      data-testid="stats-banner"
      className="pointer-events-none absolute top-3 left-1/2 z-10 flex max-w-[90%] -translate-x-1/2 flex-col items-center gap-0.5 rounded-lg bg-white/95 px-3 py-1.5 text-xs text-slate-700 shadow-sm ring-1 ring-slate-200"
    >
      {problem?.kind === "unpublished" ? (
        <span>Publish to see stats</span>
      ) : stats ? (
        <>
          <span className="flex items-center gap-3">
            <span className="font-semibold">Stats for version {stats.version}</span>
            <LiveIndicator updatedAt={updatedAt} error={problem?.kind === "error" ? problem.message : null} paused={paused} />
          </span>
          <DraftDifference stats={stats} />
        </>
      ) : problem ? (
        <span className="text-red-600">{problem.message}</span>
      ) : (
        <span>Loading stats…</span>
      )}
    </div>
  );
}

/**
 * Counted on every editor update while the overlay is on (a drag included): one Set lookup per
 * node, a few microseconds at 300 nodes, and the two numbers re-render this note only when they change.
 */
function DraftDifference({ stats }: { stats: AutomationStats }) {
  const added = useEditor((s: EditorState) => s.nodes.reduce((n, node) => (Object.hasOwn(stats.nodes, node.id) ? n : n + 1), 0));
  const kept = useEditor((s: EditorState) => s.nodes.reduce((n, node) => (Object.hasOwn(stats.nodes, node.id) ? n + 1 : n), 0));
  const removed = Object.keys(stats.nodes).length - kept;
  if (added === 0 && removed === 0) return null;
  const parts = [
    added > 0 ? `${added} ${added === 1 ? "step is" : "steps are"} not in version ${stats.version} and ${added === 1 ? "shows" : "show"} no numbers` : null,
    removed > 0 ? `${removed} ${removed === 1 ? "step" : "steps"} of version ${stats.version} ${removed === 1 ? "is" : "are"} no longer in the draft` : null,
  ].filter(Boolean);
  return <span data-testid="stats-draft-difference" className="text-amber-700">The draft differs: {parts.join("; ")}.</span>;
}
