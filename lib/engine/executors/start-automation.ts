import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

/** Runs started by Start automation steps nest at most this deep: A → B → A → ... stops. */
export const MAX_START_DEPTH = 10;

/**
 * Starts the target's latest published version for the contact, then goes on. Skipped, with the
 * reason in the history, when the target is this automation, when the contact is already in it
 * (starting it again would double every message), or when the chain is too deep.
 */
export const executeStartAutomation: Executor<PublishedNodeOf<"startAutomation">> = (node, context) => {
  const { automationId } = node.data;
  const skip = (why: string) => ({ kind: "next" as const, handle: "default", detail: `Not started: ${why}` });
  if (automationId === context.automationId) return skip("an automation cannot start itself");
  if (context.activeAutomations.has(automationId)) return skip("the contact is already in that automation");
  if (context.depth >= MAX_START_DEPTH) return skip(`automations started by automations nest at most ${MAX_START_DEPTH} deep`);
  return { kind: "next", handle: "default", start: { automationId }, detail: `Started automation ${automationId}` };
};
