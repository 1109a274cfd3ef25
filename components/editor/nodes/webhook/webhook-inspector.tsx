"use client";

import { MAX_WEBHOOK_BODY, webhookMethods } from "@/lib/flow/nodes/webhook";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { OptionalNumberField } from "../../controls/optional-number-field";
import type { EditorNode, NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { TemplatedTextField } from "../../fields/templated-text-field";
import { textOf, withKey } from "../node-data";
import { WebhookHeaders } from "./webhook-headers";
import { WebhookSavedFields } from "./webhook-saved-fields";

/** Remount per node (key = node id): header and mapping rows, and the numbers, are typed as text. */
export function WebhookInspector({ node }: { node: EditorNode }) {
  const storeUpdate = useEditor((s) => s.updateNodeData);
  const errors = configErrors("webhook", node.data);
  const id = (part: string) => `webhook-${part}-${node.id}`;
  const method = textOf(node.data.method);
  const update = (change: (data: NodeConfig) => NodeConfig) => storeUpdate(node.id, change(node.data));

  return (
    <div className="space-y-4">
      <div className="w-32 space-y-1.5">
        <Label htmlFor={id("method")}>Method</Label>
        <Select id={id("method")} value={method} onChange={(event) => update((data) => ({ ...data, method: event.target.value }))}>
          {webhookMethods.some((m) => m === method) ? null : <option value={method}>Choose…</option>}
          {webhookMethods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <FieldError id={id("method-error")} message={errors.method} />
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

      <WebhookHeaders node={node} errors={errors} onChange={(record) => update((data) => withKey(data, "headers", record))} />

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
        <OptionalNumberField
          id={id("timeout")}
          label="Timeout (seconds)"
          hint="1-30, default 10"
          stored={node.data.timeoutSeconds}
          error={errors.timeoutSeconds}
          onChange={(value) => update((data) => withKey(data, "timeoutSeconds", value))}
        />
        <OptionalNumberField
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

      <WebhookSavedFields node={node} errors={errors} onChange={(record) => update((data) => withKey(data, "saveResponse", record))} />
    </div>
  );
}
