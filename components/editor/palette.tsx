"use client";

import { clsx } from "clsx";
import { Search } from "lucide-react";
import { useId, useState } from "react";
import { nodeTypes, type NodeType } from "@/lib/flow/graph";
import { paletteCategories } from "@/lib/flow/node-definition";
import { nodeDefinitions } from "@/lib/flow/registry";
import { useEditor } from "./editor-store-context";
import { nodeAppearance } from "./node-appearance";

/** The drag payload's type, so drops from anywhere else are ignored. */
export const PALETTE_MIME = "application/x-replyflow-node";

export const isNodeType = (value: string): value is NodeType => nodeTypes.some((t) => t === value);

/** Whether a type's label or description contains the query, ignoring case. */
const matches = (type: NodeType, query: string) => {
  const { label, description } = nodeDefinitions[type];
  return label.toLowerCase().includes(query) || description.toLowerCase().includes(query);
};

/**
 * Node types to drag onto the canvas (or click to add), grouped by category and searchable.
 * The trigger shows only while missing.
 */
export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const hasTrigger = useEditor((s) => s.nodes.some((n) => n.type === "trigger"));
  const [search, setSearch] = useState("");
  const searchId = useId();
  const query = search.trim().toLowerCase();
  const types = nodeTypes.filter((type) => (type !== "trigger" || !hasTrigger) && (query === "" || matches(type, query)));
  const groups = paletteCategories
    .map((category) => ({ category, types: types.filter((type) => nodeDefinitions[type].category === category) }))
    .filter((group) => group.types.length > 0);

  return (
    <aside aria-label="Steps" className="flex w-60 shrink-0 flex-col gap-3 overflow-y-auto border-r border-slate-200 bg-white p-3">
      <div className="px-1">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Steps</h2>
        <p className="mt-0.5 text-xs text-slate-400">Drag onto the canvas, or click to add.</p>
      </div>
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search steps
        </label>
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-slate-400" />
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="Search steps"
          autoComplete="off"
          onChange={(event) => setSearch(event.target.value)}
          className={clsx(
            "h-8 w-full rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm text-slate-900 placeholder:text-slate-400",
            "focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none",
          )}
        />
      </div>
      {groups.length === 0 ? (
        <p role="status" className="px-1 py-4 text-center text-sm text-slate-500">
          No step matches
        </p>
      ) : (
        groups.map(({ category, types }) => (
          <PaletteGroup key={category} category={category} types={types} onAdd={onAdd} />
        ))
      )}
    </aside>
  );
}

function PaletteGroup({ category, types, onAdd }: { category: string; types: NodeType[]; onAdd: (type: NodeType) => void }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="space-y-1.5">
      <h3 id={headingId} className="px-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">
        {category}
      </h3>
      <ul className="space-y-2">
        {types.map((type) => (
          <li key={type}>
            <PaletteEntry type={type} onAdd={onAdd} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function PaletteEntry({ type, onAdd }: { type: NodeType; onAdd: (type: NodeType) => void }) {
  const { label, description } = nodeDefinitions[type];
  const { icon: Icon, tile } = nodeAppearance[type];
  return (
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
  );
}
