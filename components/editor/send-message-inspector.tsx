"use client";

import { useRef } from "react";
import { MAX_TEXT_LENGTH } from "@/lib/flow/nodes/send-message";
import { templateFields } from "@/lib/flow/template";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { configErrors } from "./config-errors";
import type { EditorNode } from "./editor-node";
import { useEditor } from "./editor-store-context";
import { OUTSIDE_WINDOW_HINT, useOutsideWindow } from "./use-outside-window";

export function SendMessageInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = typeof node.data.text === "string" ? node.data.text : "";
  const errors = configErrors("sendMessage", node.data);
  const error = errors.text;
  const template = typeof node.data.template === "string" ? node.data.template : "";
  const outsideWindow = useOutsideWindow(node.id);
  const templateId = `message-template-${node.id}`;
  const templateHint = "Name of a message template approved by WhatsApp. Leave empty to send free text.";
  const id = `message-text-${node.id}`;
  const hint = (
    <>
      Dynamic fields: {templateFields.map((f) => `{{${f}}}`).join(", ")}. Add a fallback for empty values:{" "}
      <code className="text-slate-600">{"{{contact.name | there}}"}</code>.
    </>
  );

  const setText = (next: string) => updateNodeData(node.id, { ...node.data, text: next });

  const insertField = (field: string) => {
    const token = `{{${field}}}`;
    const start = textarea.current?.selectionStart ?? text.length;
    const end = textarea.current?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="space-y-3">
      <Field id={id} label="Message text" hint={hint} error={error}>
        <Textarea
          id={id}
          ref={textarea}
          rows={6}
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          placeholder="Hi {{contact.name | there}}, thanks for your order!"
        />
      </Field>
      <div role="group" aria-label="Insert a dynamic field" className="flex flex-wrap gap-1.5">
        {templateFields.map((field) => (
          <button
            key={field}
            type="button"
            onClick={() => insertField(field)}
            className="rounded-full border border-slate-200 bg-slate-50 px-2 py-0.5 font-mono text-[11px] text-slate-600 hover:border-brand-500 hover:text-brand-700"
          >
            {`{{${field}}}`}
          </button>
        ))}
      </div>
      <p className="text-right text-[11px] text-slate-400">
        {text.length} / {MAX_TEXT_LENGTH}
      </p>
      <Field id={templateId} label="Approved template" hint={templateHint} error={errors.template}>
        <Input
          id={templateId}
          value={template}
          onChange={(event) => updateNodeData(node.id, { ...node.data, template: event.target.value })}
          aria-invalid={errors.template ? true : undefined}
          aria-describedby={describedBy(templateId, { hint: templateHint, error: errors.template })}
          placeholder="order_ready"
        />
      </Field>
      {outsideWindow ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-2.5 py-2 text-xs leading-relaxed text-amber-800">
          {OUTSIDE_WINDOW_HINT}
        </p>
      ) : null}
    </div>
  );
}
