"use client";

import { useRef } from "react";
import { userHandleId } from "@/lib/flow/graph";
import { useEditorStoreApi } from "../editor-store-context";

/**
 * Keeps a node's edges on its data-defined outputs (Customer Response routes, Branch cases) when
 * a row's id changes: the edges move to the new id instead of pointing at a handle that no longer
 * exists (React Flow would hide them, and publish would refuse them). While the id being typed is
 * not usable yet (empty, invalid, a duplicate), the edges wait on the last usable one.
 */
export function useHandleEdges(nodeId: string) {
  const store = useEditorStoreApi();
  // Row index → the handle id its edges still sit on, while the row's id is not usable.
  const held = useRef(new Map<number, string>());

  const edgesFrom = (handle: string) =>
    store.getState().edges.filter((e) => e.source === nodeId && (e.sourceHandle ?? "default") === handle);

  const move = (from: string, to: string) => {
    const moving = edgesFrom(from);
    if (moving.length === 0) return;
    const { onEdgesChange, connect } = store.getState();
    onEdgesChange(moving.map((edge) => ({ type: "remove", id: edge.id })));
    for (const edge of moving) connect({ source: nodeId, sourceHandle: to, target: edge.target, targetHandle: edge.targetHandle ?? null });
  };

  return {
    /** Call after the node's data has the row's new id. */
    renamed(index: number, from: string, to: string, otherIds: readonly string[]) {
      const holder = held.current.get(index) ?? from.trim();
      const next = to.trim();
      if (userHandleId.safeParse(next).success && !otherIds.some((id) => id.trim() === next)) {
        held.current.delete(index);
        if (holder !== "" && holder !== next) move(holder, next);
      } else if (holder !== "") held.current.set(index, holder);
    },
    /** Call when a row is removed: its edges go with it. */
    removed(index: number, id: string) {
      const handle = held.current.get(index) ?? id.trim();
      held.current.clear();
      const dropping = handle === "" ? [] : edgesFrom(handle);
      if (dropping.length > 0) store.getState().onEdgesChange(dropping.map((edge) => ({ type: "remove", id: edge.id })));
    },
  };
}
