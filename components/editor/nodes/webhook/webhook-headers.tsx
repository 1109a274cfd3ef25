"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "../../controls/field-error";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import { useRecordRows } from "../../controls/use-record-rows";
import type { EditorNode } from "../../editor-node";
import { TemplatedTextField } from "../../fields/templated-text-field";

const MAX_HEADERS = 20;

type Props = { node: EditorNode; errors: Record<string, string>; onChange: (headers: Record<string, string> | undefined) => void };

/** "Headers": rows of "Header name" and "Header value" (which takes dynamic fields). */
export function WebhookHeaders({ node, errors, onChange }: Props) {
  const headers = useRecordRows(node.data.headers, onChange);
  const id = (part: string, index?: number) => `webhook-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  return (
    <InspectorSection title="Headers" hint="Sent with the request; values take dynamic fields.">
      {headers.rows.map((row, index) => {
        const problem = headers.rowProblem(index, "Enter the header name", "This header is listed twice") ?? errors[`headers.${row.key.trim()}`];
        return (
          <RowGroup key={index} name={`Header ${index + 1}`} onRemove={() => headers.remove(index)}>
            <div className="space-y-1">
              <Label htmlFor={id("header-name", index)} className="text-xs">
                Header name
              </Label>
              <Input
                id={id("header-name", index)}
                value={row.key}
                placeholder="Authorization"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => headers.update(index, { ...row, key: event.target.value })}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? id("header-error", index) : undefined}
                className="h-8 font-mono text-xs"
              />
            </div>
            <TemplatedTextField
              compact
              id={id("header-value", index)}
              label="Header value"
              value={row.value}
              placeholder="Bearer …"
              onChange={(value) => headers.update(index, { ...row, value })}
            />
            <FieldError id={id("header-error", index)} message={problem} />
          </RowGroup>
        );
      })}
      <FieldError id={id("headers-error")} message={errors.headers} />
      <AddRowButton label="Add header" onAdd={headers.add} full={headers.rows.length >= MAX_HEADERS} fullHint="At most 20 headers" />
    </InspectorSection>
  );
}
