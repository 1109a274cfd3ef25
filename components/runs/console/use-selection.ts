"use client";

import { useState } from "react";

/**
 * Which runs are selected: some ids (rows ticked), or "every run matching the filters" (the
 * banner's choice). Kept per filter query: changing the filters starts again from nothing.
 */
export type Selection = { kind: "ids"; ids: ReadonlySet<string> } | { kind: "matching" };

const none: Selection = { kind: "ids", ids: new Set() };

export function useSelection(query: string) {
  const [state, setState] = useState<{ query: string; selection: Selection }>({ query, selection: none });
  const selection = state.query === query ? state.selection : none;
  const set = (next: Selection) => setState({ query, selection: next });

  const ids = selection.kind === "ids" ? selection.ids : new Set<string>();
  return {
    selection,
    isSelected: (id: string) => selection.kind === "matching" || ids.has(id),
    toggle: (id: string) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      set({ kind: "ids", ids: next });
    },
    /** Ticks (or, if all are ticked, unticks) the runs on screen. */
    togglePage: (pageIds: string[]) => {
      const all = pageIds.length > 0 && pageIds.every((id) => ids.has(id));
      set({ kind: "ids", ids: all || selection.kind === "matching" ? new Set() : new Set(pageIds) });
    },
    selectMatching: () => set({ kind: "matching" }),
    clear: () => set(none),
  };
}
