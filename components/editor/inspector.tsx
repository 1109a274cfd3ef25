"use client";

import { clsx } from "clsx";
import { MousePointerClick, Trash2 } from "lucide-react";
import { nodeDefinition } from "@/lib/flow/registry";
import { Button } from "@/components/ui/button";
import { useEditor } from "./editor-store-context";
import { selectInspected, selectSelectedEdge } from "./editor-store";
import { nodeAppearance } from "./node-appearance";
import { nodeInspectors } from "./node-inspectors";

/** Settings of the selected step (or connection), with its delete button. */
export function Inspector() {
  const node = useEditor(selectInspected);
  const edge = useEditor(selectSelectedEdge);
  const deleteElement = useEditor((s) => s.deleteElement);

  if (edge) {
    return (
      <section aria-label="Inspector" className="space-y-3 p-4">
        <h2 className="text-sm font-semibold text-slate-900">Connection</h2>
        <p className="text-xs text-slate-500">
          From <span className="font-mono">{edge.source}</span> to <span className="font-mono">{edge.target}</span>.
        </p>
        <Button variant="danger" size="sm" onClick={() => deleteElement(edge.id)}>
          <Trash2 aria-hidden className="size-4" /> Delete connection
        </Button>
      </section>
    );
  }

  if (!node?.type) {
    return (
      <section aria-label="Inspector" className="flex flex-col items-center gap-2 px-6 py-12 text-center">
        <MousePointerClick aria-hidden className="size-6 text-slate-300" />
        <p className="text-sm font-medium text-slate-600">Select a step to edit it</p>
        <p className="text-xs leading-relaxed text-slate-400">
          Connect steps by dragging from a handle on the right of a step to the left of another. Delete the selection
          with the Delete key.
        </p>
      </section>
    );
  }

  const definition = nodeDefinition(node.type);
  const { icon: Icon, tile } = nodeAppearance[node.type];
  const Form = nodeInspectors[node.type];

  return (
    <section aria-label="Inspector" className="space-y-4 p-4">
      <header className="flex items-start gap-3">
        <span className={clsx("grid size-9 shrink-0 place-items-center rounded-lg", tile)}>
          <Icon aria-hidden className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900">{definition.label}</h2>
          <p className="mt-0.5 text-xs leading-snug text-slate-500">{definition.description}</p>
        </div>
      </header>
      {Form ? <Form key={node.id} node={node} /> : null}
      {node.deletable !== false ? (
        <div className="border-t border-slate-100 pt-4">
          <Button variant="danger" size="sm" onClick={() => deleteElement(node.id)}>
            <Trash2 aria-hidden className="size-4" /> Delete step
          </Button>
        </div>
      ) : null}
    </section>
  );
}
