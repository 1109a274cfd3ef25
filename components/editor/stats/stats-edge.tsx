"use client";

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { memo } from "react";
import { useStats } from "./stats-context";

/**
 * The canvas's usual bezier edge plus, at its middle, how many runs left its source on its
 * handle in the shown version. Used only while the overlay is on (see `statsEdgeTypes`), so the
 * editor's edges are React Flow's own the rest of the time. No label when the source step is
 * not in that version.
 */
const StatsEdge = memo(function StatsEdge(props: EdgeProps) {
  const { id, source, sourceHandleId, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const handle = sourceHandleId ?? "default";
  const left = useStats((s) => (s.on ? s.stats?.nodes[source]?.exits[handle] : undefined));
  const known = useStats((s) => s.on && s.stats?.nodes[source] !== undefined);

  return (
    <>
      <BaseEdge id={id} path={path} style={props.style} markerEnd={props.markerEnd} markerStart={props.markerStart} interactionWidth={props.interactionWidth} />
      {known ? (
        <EdgeLabelRenderer>
          <div
            data-testid="edge-stats"
            data-edge-id={id}
            title={`${left ?? 0} left this way`}
            className="nopan pointer-events-none absolute rounded-full bg-white px-1.5 py-px text-[11px] font-semibold text-slate-700 tabular-nums shadow-sm ring-1 ring-slate-200"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {left ?? 0} left
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

/** Module-level, as React Flow wants: the draft's edges have no type, so "default" is theirs. */
export const statsEdgeTypes = { default: StatsEdge };
