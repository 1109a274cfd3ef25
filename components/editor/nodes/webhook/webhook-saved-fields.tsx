"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import { useRecordRows } from "../../controls/use-record-rows";
import type { EditorNode } from "../../editor-node";
import { FieldKeyInput } from "../../fields/field-key-input";

const MAX_FIELDS = 20;

type Props = { node: EditorNode; errors: Record<string, string>; onChange: (saveResponse: Record<string, string> | undefined) => void };

/** "Save from the response": rows of a contact "Field" and the "JSON path" its value comes from. */
export function WebhookSavedFields({ node, errors, onChange }: Props) {
  const saved = useRecordRows(node.data.saveResponse, onChange);
  const id = (part: string, index?: number) => `webhook-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  return (
    <InspectorSection title="Save from the response" hint="Contact fields filled from the JSON answer, by dot path (order.id, items.0.sku).">
      {saved.rows.map((row, index) => {
        const problem =
          saved.rowProblem(index, "Enter the field to save to", "This field is listed twice") ?? errors[`saveResponse.${row.key.trim()}`];
        return (
          <RowGroup key={index} name={`Response field ${index + 1}`} onRemove={() => saved.remove(index)}>
            <div className="grid grid-cols-2 gap-2">
              <div className="space-y-1">
                <Label htmlFor={id("save-field", index)} className="text-xs">
                  Field
                </Label>
                <FieldKeyInput
                  id={id("save-field", index)}
                  value={row.key}
                  onChange={(event) => saved.update(index, { ...row, key: event.target.value })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? id("save-error", index) : undefined}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor={id("save-path", index)} className="text-xs">
                  JSON path
                </Label>
                <Input
                  id={id("save-path", index)}
                  value={row.value}
                  placeholder="order.id"
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => saved.update(index, { ...row, value: event.target.value })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? id("save-error", index) : undefined}
                  className="font-mono"
                />
              </div>
            </div>
            <FieldError id={id("save-error", index)} message={problem} />
          </RowGroup>
        );
      })}
      <FieldError id={id("save-errors")} message={errors.saveResponse} />
      <AddRowButton label="Add response field" onAdd={saved.add} full={saved.rows.length >= MAX_FIELDS} fullHint="At most 20 fields" />
    </InspectorSection>
  );
}
