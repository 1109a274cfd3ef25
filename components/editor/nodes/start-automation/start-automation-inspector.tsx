"use client";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { useOtherAutomations } from "../../use-automations";
import { textOf } from "../node-data";

/** "Automation": any automation but this one; its published version is what starts. */
export function StartAutomationInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const automations = useOtherAutomations();
  const errors = configErrors("startAutomation", node.data);
  const chosen = textOf(node.data.automationId);
  const id = `start-automation-${node.id}`;
  const options = automations.status === "ready" ? automations.value : [];
  const chosenOption = options.find((automation) => automation.id === chosen);
  const notPublished = chosenOption && !chosenOption.published;
  const error = errors.automationId;
  const hintId = `${id}-hint`;

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={id}>Automation</Label>
        <Select
          id={id}
          value={chosen}
          disabled={automations.status === "loading" && chosen === ""}
          onChange={(event) => updateNodeData(node.id, { ...node.data, automationId: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hintId}
        >
          <option value="">{automations.status === "loading" ? "Loading automations…" : "Choose an automation…"}</option>
          {chosen !== "" && !chosenOption ? <option value={chosen}>{chosen}</option> : null}
          {options.map((automation) => (
            <option key={automation.id} value={automation.id}>
              {automation.published ? automation.name : `${automation.name} (not published)`}
            </option>
          ))}
        </Select>
        {error ? (
          <FieldError id={`${id}-error`} message={error} />
        ) : (
          <p id={hintId} className={notPublished ? "text-xs text-amber-700" : "text-xs text-slate-500"}>
            {notPublished
              ? "This automation has no published version yet: publish it, or publishing this one will fail."
              : "Starts its published version for the contact, then goes on here."}
          </p>
        )}
        {automations.status === "error" ? (
          <p role="note" className="text-xs text-amber-700">
            Couldn’t load the automations; reload the page to try again.
          </p>
        ) : null}
      </div>
    </div>
  );
}
