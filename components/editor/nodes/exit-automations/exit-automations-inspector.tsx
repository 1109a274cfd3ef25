"use client";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { errorUnder, FieldError } from "../../controls/field-error";
import type { EditorNode } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { useOtherAutomations } from "../../use-automations";
import { stringsOf, withKey } from "../node-data";

/** "Scope": every other automation, or only the ones checked. */
export function ExitAutomationsInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const automations = useOtherAutomations();
  const errors = configErrors("exitAutomations", node.data);
  const scope = node.data.scope === "selected" ? "selected" : "others";
  const chosen = stringsOf(node.data.automationIds);
  const id = (part: string) => `exit-automations-${part}-${node.id}`;
  const listError = errorUnder(errors, "automationIds");
  const options = automations.status === "ready" ? automations.value : [];
  // Ids chosen earlier whose automation is not in the list (deleted, or beyond the first 200).
  const unlisted = chosen.filter((automationId) => !options.some((option) => option.id === automationId));

  const setChosen = (next: string[]) =>
    updateNodeData(node.id, withKey(node.data, "automationIds", next.length > 0 ? next : undefined));

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={id("scope")}>Scope</Label>
        <Select
          id={id("scope")}
          value={scope}
          onChange={(event) => {
            const next = event.target.value === "selected" ? "selected" : "others";
            updateNodeData(node.id, next === "others" ? withKey({ ...node.data, scope: next }, "automationIds", undefined) : { ...node.data, scope: next });
          }}
        >
          <option value="others">All other automations</option>
          <option value="selected">Only these</option>
        </Select>
      </div>
      {scope === "selected" ? (
        <fieldset className="space-y-1.5" aria-describedby={listError ? id("error") : undefined}>
          <legend className="text-sm font-medium text-slate-700">Automations to exit</legend>
          {automations.status === "loading" ? <p className="text-xs text-slate-400">Loading automations…</p> : null}
          {automations.status === "error" ? (
            <p role="note" className="text-xs text-amber-700">
              Couldn’t load the automations; reload the page to try again.
            </p>
          ) : null}
          {automations.status === "ready" && options.length === 0 ? (
            <p className="text-xs text-slate-500">There are no other automations yet.</p>
          ) : null}
          <ul className="max-h-64 space-y-0.5 overflow-y-auto">
            {[...options, ...unlisted.map((automationId) => ({ id: automationId, name: automationId }))].map((automation) => (
              <li key={automation.id}>
                <label className="flex cursor-pointer items-center gap-2 rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-rose-600"
                    checked={chosen.includes(automation.id)}
                    onChange={(event) =>
                      setChosen(event.target.checked ? [...chosen, automation.id] : chosen.filter((other) => other !== automation.id))
                    }
                  />
                  <span className="min-w-0 truncate">{automation.name}</span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id={id("error")} message={listError} />
        </fieldset>
      ) : null}
      <p className="rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        Cancels the contact’s active runs in {scope === "others" ? "every other automation" : "the automations checked"}; this run goes on.
      </p>
    </div>
  );
}
