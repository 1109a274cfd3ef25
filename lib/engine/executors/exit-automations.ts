import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

/** Cancels the contact's other active runs (this run goes on), all or those of the chosen automations. */
export const executeExitAutomations: Executor<PublishedNodeOf<"exitAutomations">> = (node) => {
  const automationIds = node.data.scope === "selected" ? (node.data.automationIds ?? []) : null;
  return {
    kind: "next",
    handle: "default",
    exit: { automationIds },
    detail: automationIds ? `Exits the contact from ${automationIds.length} automation(s)` : "Exits the contact from every other automation",
  };
};
