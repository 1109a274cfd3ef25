"use client";

import { useReactFlow } from "@xyflow/react";
import { CircleAlert, X } from "lucide-react";
import { useEditor } from "./editor-store-context";

/** Publish problems; an issue naming a node selects it and brings it into view. */
export function IssuesPanel() {
  const issues = useEditor((s) => s.issues);
  const selectNode = useEditor((s) => s.selectNode);
  const setState = useEditor((s) => s.set);
  // A Set the store keeps while the node ids stay the same: no O(nodes) work per drag frame.
  const nodeIds = useEditor((s) => s.analysis.nodeIds);
  const { fitView } = useReactFlow();

  if (issues.length === 0) return null;

  const focusNode = (id: string) => {
    selectNode(id);
    void fitView({ nodes: [{ id }], maxZoom: 1, duration: 300 });
  };

  return (
    <section aria-label="Publish problems" className="border-b border-red-100 bg-red-50/70 p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-red-800">
          {issues.length === 1 ? "1 problem" : `${issues.length} problems`} to fix before publishing
        </h2>
        <button
          type="button"
          aria-label="Dismiss problems"
          onClick={() => setState({ issues: [] })}
          className="rounded p-0.5 text-red-400 hover:bg-red-100 hover:text-red-700"
        >
          <X className="size-4" />
        </button>
      </div>
      <ul className="max-h-56 space-y-1 overflow-y-auto">
        {issues.map((issue, index) => {
          const { nodeId } = issue;
          const content = (
            <>
              <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
              <span>{issue.message}</span>
            </>
          );
          return (
            <li key={`${index}-${issue.message}`}>
              {nodeId && nodeIds.has(nodeId) ? (
                <button
                  type="button"
                  onClick={() => focusNode(nodeId)}
                  className="flex w-full gap-1.5 rounded-md px-1.5 py-1 text-left text-xs text-red-700 hover:bg-red-100"
                >
                  {content}
                </button>
              ) : (
                <p className="flex gap-1.5 px-1.5 py-1 text-xs text-red-700">{content}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
