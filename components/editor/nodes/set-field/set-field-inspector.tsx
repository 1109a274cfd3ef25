"use client";

import { Label } from "@/components/ui/label";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { FieldKeyInput } from "../../fields/field-key-input";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { textOf } from "../node-data";

export function SetFieldInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const errors = configErrors("setField", node.data);
  const field = textOf(node.data.field);
  const id = (part: string) => `set-field-${part}-${node.id}`;
  const fieldError = field.trim() === "" ? "Enter the field to set" : errors.field;
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={id("field")}>Field</Label>
        <FieldKeyInput
          id={id("field")}
          value={field}
          onChange={(event) => updateNodeData(node.id, { ...node.data, field: event.target.value })}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? id("field-error") : id("field-hint")}
        />
        {fieldError ? (
          <FieldError id={id("field-error")} message={fieldError} />
        ) : (
          <p id={id("field-hint")} className="text-xs text-slate-500">
            A contact field key, e.g. city: lowercase letters, digits and _. A new key is created.
          </p>
        )}
      </div>
      <TemplatedTextField
        id={id("value")}
        label="Value"
        value={textOf(node.data.value)}
        error={errors.value}
        hint="Text with dynamic fields, e.g. {{lastReply}}. Empty clears the field."
        placeholder="{{lastReply}}"
        maxLength={1000}
        onChange={(value) => updateNodeData(node.id, { ...node.data, value })}
      />
    </div>
  );
}
