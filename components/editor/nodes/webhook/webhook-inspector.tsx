"use client";

import { useState } from "react";
import { MAX_WEBHOOK_BODY, webhookMethods } from "@/lib/flow/nodes/webhook";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { numberFromText, textFromNumber } from "../../controls/number-text";
import { AddRowButton, InspectorSection, RowGroup } from "../../controls/row-group";
import { useRecordRows } from "../../controls/use-record-rows";
import type { EditorNode, NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { FieldKeyInput } from "../../fields/field-key-input";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { textOf, withKey } from "../node-data";

const MAX_ROWS = 20;

/** Remount per node (key = node id): header and mapping rows, and the numbers, are typed as text. */
export function WebhookInspector({ node }: { node: EditorNode }) {
  const storeUpdate = useEditor((s) => s.updateNodeData);
  const errors = configErrors("webhook", node.data);
  const id = (part: string, index?: number) => `webhook-${part}-${node.id}${index === undefined ? "" : `-${index}`}`;
  const method = textOf(node.data.method);
  const update = (change: (data: NodeConfig) => NodeConfig) => storeUpdate(node.id, change(node.data));

  const headers = useRecordRows(node.data.headers, (record) => update((data) => withKey(data, "headers", record)));
  const saved = useRecordRows(node.data.saveResponse, (record) => update((data) => withKey(data, "saveResponse", record)));

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-[7rem_1fr] items-start gap-2">
        <div className="space-y-1.5">
          <Label htmlFor={id("method")}>Method</Label>
          <Select id={id("method")} value={method} onChange={(event) => update((data) => ({ ...data, method: event.target.value }))}>
            {webhookMethods.some((m) => m === method) ? null : <option value={method}>Choose…</option>}
            {webhookMethods.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </div>
        <TemplatedTextField
          id={id("url")}
          label="URL"
          value={textOf(node.data.url)}
          error={errors.url}
          placeholder="https://api.shop.com/orders"
          maxLength={2000}
          onChange={(url) => update((data) => ({ ...data, url }))}
        />
      </div>
      <FieldError id={id("method-error")} message={errors.method} />

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
        <AddRowButton label="Add header" onAdd={headers.add} full={headers.rows.length >= MAX_ROWS} fullHint="At most 20 headers" />
      </InspectorSection>

      <div className="border-t border-slate-100 pt-3">
        <TemplatedTextField
          multiline
          rows={5}
          id={id("body")}
          label="Body"
          value={textOf(node.data.body)}
          error={errors.body}
          maxLength={MAX_WEBHOOK_BODY}
          placeholder='{"phone": "{{contact.phone}}"}'
          hint={
            method === "GET"
              ? "GET requests are sent without a body."
              : "Dynamic fields in a JSON body are escaped as JSON strings."
          }
          onChange={(body) => update((data) => withKey(data, "body", body === "" ? undefined : body))}
        />
      </div>

      <div className="grid grid-cols-2 gap-2 border-t border-slate-100 pt-3">
        <NumberField
          id={id("timeout")}
          label="Timeout (seconds)"
          hint="1-30, default 10"
          stored={node.data.timeoutSeconds}
          error={errors.timeoutSeconds}
          onChange={(value) => update((data) => withKey(data, "timeoutSeconds", value))}
        />
        <NumberField
          id={id("retries")}
          label="Retries"
          hint="0-5, default 2"
          stored={node.data.retries}
          error={errors.retries}
          onChange={(value) => update((data) => withKey(data, "retries", value))}
        />
      </div>
      <p className="-mt-2 text-xs leading-relaxed text-slate-500">
        A failed call is tried again after 5 s, 25 s, 125 s…; <span className="font-medium">Failure</span> once the retries are spent.
      </p>

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
        <AddRowButton label="Add response field" onAdd={saved.add} full={saved.rows.length >= MAX_ROWS} fullHint="At most 20 fields" />
      </InspectorSection>
    </div>
  );
}

/** A whole number typed as text; empty leaves it out of the data, so the default applies. */
function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  stored: unknown;
  error?: string;
  onChange: (value: number | null | undefined) => void;
}) {
  const { id, label, hint, stored, error, onChange } = props;
  const [text, setText] = useState(textFromNumber(stored));
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value.trim() === "" ? undefined : numberFromText(event.target.value));
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <FieldError id={`${id}-error`} message={error} />
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
