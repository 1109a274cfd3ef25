import type { NodeType } from "./graph.ts";
import type { NodeDefinition, OutputHandle } from "./node-definition.ts";
import { branch } from "./nodes/branch.ts";
import { condition } from "./nodes/condition.ts";
import { customerResponse } from "./nodes/customer-response.ts";
import { delay } from "./nodes/delay.ts";
import { end } from "./nodes/end.ts";
import { exitAutomations } from "./nodes/exit-automations.ts";
import { handoff } from "./nodes/handoff.ts";
import { sendMessage } from "./nodes/send-message.ts";
import { setField } from "./nodes/set-field.ts";
import { startAutomation } from "./nodes/start-automation.ts";
import { tag } from "./nodes/tag.ts";
import { trigger } from "./nodes/trigger.ts";
import { webhook } from "./nodes/webhook.ts";

/**
 * Every node type's definition, keyed by type: a type without one does not compile, and each
 * keeps its own config schema's type, from which the published graph's types derive.
 */
export const nodeDefinitions = {
  trigger,
  sendMessage,
  customerResponse,
  condition,
  branch,
  delay,
  tag,
  setField,
  webhook,
  startAutomation,
  exitAutomations,
  handoff,
  end,
} satisfies { [T in NodeType]: NodeDefinition & { type: T } };

export type NodeDefinitions = typeof nodeDefinitions;

export const nodeDefinition = (type: NodeType): NodeDefinition => nodeDefinitions[type];

/** A node's outputs: those its data names (routes, cases), then the type's fixed ones. */
export function nodeOutputs(type: NodeType, data: Record<string, unknown>): OutputHandle[] {
  const definition = nodeDefinition(type);
  return [...(definition.dataOutputs?.(data) ?? []), ...definition.outputs];
}
