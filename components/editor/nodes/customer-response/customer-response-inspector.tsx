"use client";

import { useState } from "react";
import { type Duration, durationUnits, formatDuration } from "@/lib/flow/duration";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { isRecord, type EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { FieldKeyInput } from "../../fields/field-key-input";
import { textOf, withKey } from "../node-data";
import { CustomerResponseRoutes } from "./customer-response-routes";

const PRESETS: Duration[] = [
  { amount: 10, unit: "minutes" },
  { amount: 1, unit: "hours" },
  { amount: 24, unit: "hours" },
];

/** Remount per node (key = node id): the amount is typed as text so "1." or "" never jump. */
export function CustomerResponseInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const timeout = isRecord(node.data.timeout) ? node.data.timeout : {};
  const unit = typeof timeout.unit === "string" ? timeout.unit : "minutes";
  const [amountText, setAmountText] = useState(typeof timeout.amount === "number" ? String(timeout.amount) : "");

  const errors = configErrors("customerResponse", node.data);
  const error =
    amountText.trim() === ""
      ? "Enter how long to wait"
      : (errors["timeout.amount"] ?? errors["timeout.unit"] ?? errors.timeout);
  const errorId = `timeout-error-${node.id}`;
  const saveId = `save-reply-${node.id}`;
  const saveError = errors.saveReplyTo;

  const setTimeoutValue = (amount: string, nextUnit: string) => {
    setAmountText(amount);
    updateNodeData(node.id, {
      ...node.data,
      timeout: { amount: amount.trim() === "" ? null : Number(amount), unit: nextUnit },
    });
  };

  return (
    <div className="space-y-4">
      <div>
        <div className="grid grid-cols-[1fr_1.3fr] gap-2">
          <div className="space-y-1.5">
            <Label htmlFor={`timeout-${node.id}`}>Timeout</Label>
            <Input
              id={`timeout-${node.id}`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={amountText}
              onChange={(event) => setTimeoutValue(event.target.value, unit)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`timeout-unit-${node.id}`}>Unit</Label>
            <Select
              id={`timeout-unit-${node.id}`}
              value={unit}
              onChange={(event) => setTimeoutValue(amountText, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            >
              {durationUnits.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </div>
        </div>
        {error ? (
          <p id={errorId} className="mt-1.5 text-xs text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <div role="group" aria-label="Presets" className="flex flex-wrap gap-1.5">
        {PRESETS.map((preset) => (
          <button
            key={formatDuration(preset)}
            type="button"
            onClick={() => setTimeoutValue(String(preset.amount), preset.unit)}
            className="rounded-full border border-slate-200 bg-slate-50 px-2.5 py-0.5 text-xs text-slate-600 hover:border-violet-400 hover:text-violet-700"
          >
            {formatDuration(preset)}
          </button>
        ))}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={saveId}>Save reply to field</Label>
        <FieldKeyInput
          id={saveId}
          value={textOf(node.data.saveReplyTo)}
          onChange={(event) =>
            updateNodeData(node.id, withKey(node.data, "saveReplyTo", event.target.value === "" ? undefined : event.target.value))
          }
          aria-invalid={saveError ? true : undefined}
          aria-describedby={saveError ? `${saveId}-error` : `${saveId}-hint`}
        />
        {saveError ? (
          <FieldError id={`${saveId}-error`} message={saveError} />
        ) : (
          <p id={`${saveId}-hint`} className="text-xs text-slate-500">
            Optional: the reply’s text goes into this contact field, e.g. city.
          </p>
        )}
      </div>
      <CustomerResponseRoutes node={node} errors={errors} />
      <div className="space-y-1.5 rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        <p>
          <span className="font-medium text-emerald-700">Replied</span>: the contact wrote back within the timeout.
        </p>
        <p>
          <span className="font-medium text-amber-700">No response</span>: the timeout passed in silence.
        </p>
        <p className="text-slate-500">Between 5 seconds and 30 days.</p>
      </div>
    </div>
  );
}
