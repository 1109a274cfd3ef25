"use client";

import { Handle, Position, type ReactFlowState, useStoreApi } from "@xyflow/react";
import { clsx } from "clsx";
import { CircleAlert, Repeat } from "lucide-react";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { NodeType } from "@/lib/flow/graph";
import { nodeDefinition } from "@/lib/flow/registry";
import { useEditor } from "./editor-store-context";
import { nodeAppearance } from "./node-appearance";
import { NodeStats } from "./stats/node-stats";

type NodeShellProps = { id: string; type: NodeType; selected: boolean; children?: ReactNode };

const NO_ISSUES: readonly string[] = [];

export const LOOP_WITHOUT_WAIT_NOTE = "This loop has no wait: a run would go round it until the step limit stops it";

// Placed with offsets instead of React Flow's centring `transform`: a transformed element per
// handle is a paint chunk of its own, and with hundreds of them compositing each drag frame costs
// milliseconds. Same spot: half the 12-pixel handle outside the card's edge.
const targetHandleStyle = { width: 12, height: 12, background: "#fff", border: "2px solid #94a3b8", left: -7, top: "calc(50% - 6px)", transform: "none" };

/**
 * Below this zoom the header icon would be under 8 pixels and the shadow a smudge: the card shows
 * the coloured tile alone and no shadow. Hundreds of inline SVG icons and blurred shadows are
 * most of what a zoomed-out drag frame costs to composite and raster.
 */
const DETAIL_MIN_ZOOM = 0.5;

/**
 * The card every canvas node shares: input handle, coloured header, body, a note when the node is
 * on a loop without a wait, and publish problems. Both come from the store's analysis: the same
 * array and boolean until the graph or the issues change, so a drag re-renders no other card.
 */
export function NodeShell({ id, type, selected, children }: NodeShellProps) {
  const definition = nodeDefinition(type);
  const { icon: Icon, tile, accent } = nodeAppearance[type];
  const messages = useEditor((s) => s.analysis.issuesByNode.get(id) ?? NO_ISSUES);
  const problems = useMemo(() => messages.map((message) => withoutPrefix(message, definition.label)), [messages, definition.label]);
  const hasProblems = problems.length > 0;
  const loopWithoutWait = useEditor((s) => s.analysis.loopsWithoutWait.has(id));
  const detailed = useDetailed();

  return (
    <div
      className={clsx(
        "relative w-64 rounded-xl border bg-white",
        detailed && "shadow-sm transition-shadow",
        // While React Flow drags the node (`.dragging` on its wrapper), the card is a layer of its
        // own: moving it then repaints none of the cards and edges it passes over.
        "[.dragging_&]:will-change-transform",
        // Problems are a red ring, selection an outline around it, so a selected faulty node shows both.
        hasProblems ? "border-red-400 ring-4 ring-red-500/30" : clsx("border-slate-200", detailed && "hover:shadow-md"),
        selected && "outline-2 outline-offset-4 outline-brand-500",
      )}
    >
      <div className={clsx("h-1 rounded-t-xl", hasProblems ? "bg-red-500" : accent)} />
      {definition.acceptsInput ? <Handle type="target" position={Position.Left} style={targetHandleStyle} /> : null}
      <div className="flex items-center gap-2.5 px-3 pt-2.5 pb-2">
        <span className={clsx("grid size-7 shrink-0 place-items-center rounded-lg", tile)}>
          {detailed ? <Icon aria-hidden className="size-4" /> : null}
        </span>
        <span className="text-sm font-semibold text-slate-900">{definition.label}</span>
      </div>
      {children}
      {/* The Stats overlay's numbers; reads its own store, so it renders nothing while the overlay is off. */}
      <NodeStats nodeId={id} type={type} />
      {loopWithoutWait ? (
        <p
          role="note"
          className={clsx(
            "flex gap-1.5 border-t border-amber-100 bg-amber-50 px-3 py-2 text-xs text-amber-800",
            !hasProblems && "rounded-b-xl",
          )}
        >
          <Repeat aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{LOOP_WITHOUT_WAIT_NOTE}</span>
        </p>
      ) : null}
      {hasProblems ? (
        <ul className="space-y-1 rounded-b-xl border-t border-red-100 bg-red-50 px-3 py-2 text-xs text-red-700">
          {problems.map((message) => (
            <li key={message} className="flex gap-1.5">
              <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
              <span>{message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// Not before the opening fitView either: a big graph would draw hundreds of icons at zoom 1 only to
// drop them once it is fitted at a quarter of that.
const isDetailed = (s: ReactFlowState) => !s.fitViewQueued && s.transform[2] >= DETAIL_MIN_ZOOM;

/**
 * Whether the canvas is zoomed in enough for the card's details. A plain listener on React Flow's
 * store rather than `useStore(selector)`: every card's subscription runs on each store update (each
 * drag move, each keystroke), and a closure comparing one boolean costs a fraction of a React
 * selector subscription. The card re-renders only when the zoom crosses the threshold.
 */
function useDetailed(): boolean {
  const store = useStoreApi();
  const [detailed, setDetailed] = useState(() => isDetailed(store.getState()));
  useEffect(() => {
    let last: boolean | undefined;
    const update = (state: ReactFlowState) => {
      const next = isDetailed(state);
      if (next === last) return;
      last = next;
      setDetailed(next);
    };
    update(store.getState());
    return store.subscribe(update);
  }, [store]);
  return detailed;
}

const withoutPrefix = (message: string, label: string) =>
  message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
