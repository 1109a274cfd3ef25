"use client";

import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { withKey } from "../node-data";

export function HandoffInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const errors = configErrors("handoff", node.data);
  const id = `handoff-note-${node.id}`;
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={id}>Note for the team</Label>
        <Textarea
          id={id}
          maxLength={500}
          placeholder="Wants to talk about a refund"
          value={typeof node.data.note === "string" ? node.data.note : ""}
          aria-describedby={errors.note ? `${id}-error` : undefined}
          onChange={(event) => updateNodeData(node.id, withKey(node.data, "note", event.target.value || undefined))}
        />
        <FieldError id={`${id}-error`} message={errors.note} />
      </div>
      <p className="rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        The contact shows up in the Inbox for a person to answer. The run goes straight on; a reply
        the contact sends still completes their Customer Response waits.
      </p>
    </div>
  );
}
