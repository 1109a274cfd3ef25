"use client";

import { clsx } from "clsx";
import { nodeTypes, type NodeType } from "@/lib/flow/graph";
import { nodeDefinitions } from "@/lib/flow/registry";
import { useEditor } from "./editor-store-context";
import { nodeAppearance } from "./node-appearance";

/** The drag payload's type, so drops from anywhere else are ignored. */
export const PALETTE_MIME = "application/x-replyflow-node";

export const isNodeType = (value: string): value is NodeType => nodeTypes.some((t) => t === value);

/** Node types to drag onto the canvas (or click to add). The trigger shows only while missing. */
export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const hasTrigger = useEditor((s) => s.nodes.some((n) => n.type === "trigger"));
  const types = nodeTypes.filter((type) => type !== "trigger" || !hasTrigger);

  return (
    <aside aria-label="Steps" className="flex w-60 shrink-0 flex-col gap-3 overflow-y-auto border-r border-slate-200 bg-white p-3">
      <div className="px-1">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Steps</h2>
        <p className="mt-0.5 text-xs text-slate-400">Drag onto the canvas, or click to add.</p>
      </div>
      <ul className="space-y-2">
        {types.map((type) => {
          const { label, description } = nodeDefinitions[type];
          const { icon: Icon, tile } = nodeAppearance[type];
          return (
            <li key={type}>
              <button
                type="button"
                draggable
                aria-label={label}
                aria-describedby={`palette-${type}-description`}
                onDragStart={(event) => {
                  event.dataTransfer.setData(PALETTE_MIME, type);
                  event.dataTransfer.effectAllowed = "move";
                }}
                onClick={() => onAdd(type)}
                className={clsx(
                  "group flex w-full cursor-grab items-start gap-2.5 rounded-lg border border-slate-200 bg-white p-2.5 text-left",
                  "transition hover:border-slate-300 hover:shadow-sm active:cursor-grabbing",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                )}
              >
                <span className={clsx("grid size-8 shrink-0 place-items-center rounded-lg", tile)}>
                  <Icon aria-hidden className="size-4" />
                </span>
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-slate-900">{label}</span>
                  <span id={`palette-${type}-description`} className="mt-0.5 block text-xs leading-snug text-slate-500">
                    {description}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
