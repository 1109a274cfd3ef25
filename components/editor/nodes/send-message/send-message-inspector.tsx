"use client";

import { MAX_TEXT_LENGTH } from "@/lib/flow/nodes/send-message";
import { configErrors } from "../../config-errors";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { OUTSIDE_WINDOW_HINT, useOutsideWindow } from "../../use-outside-window";
import { textOf } from "../node-data";
import { MessageButtons } from "./message-buttons";
import { MessageTemplateFields } from "./message-template-fields";

/** "Message text" with dynamic fields, then the quick-reply buttons and the approved template. */
export function SendMessageInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const outsideWindow = useOutsideWindow(node.id);
  const errors = configErrors("sendMessage", node.data);
  const text = textOf(node.data.text);
  const id = `message-text-${node.id}`;

  return (
    <div className="space-y-4">
      <TemplatedTextField
        multiline
        rows={6}
        id={id}
        label="Message text"
        value={text}
        error={errors.text}
        maxLength={MAX_TEXT_LENGTH}
        placeholder="Hi {{contact.name | there}}, thanks for your order!"
        hint={
          <>
            Add a fallback for empty values: <code className="text-slate-600">{"{{contact.name | there}}"}</code>.
          </>
        }
        footer={
          <p className="text-right text-[11px] text-slate-400">
            {text.length} / {MAX_TEXT_LENGTH}
          </p>
        }
        onChange={(next) => updateNodeData(node.id, { ...node.data, text: next })}
      />

      <MessageButtons node={node} errors={errors} />
      <MessageTemplateFields node={node} errors={errors} />

      {outsideWindow ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-2.5 py-2 text-xs leading-relaxed text-amber-800">
          {OUTSIDE_WINDOW_HINT}
        </p>
      ) : null}
    </div>
  );
}
