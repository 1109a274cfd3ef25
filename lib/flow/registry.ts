import type { NodeType } from "./graph.ts";
import type { NodeDefinition } from "./node-definition.ts";
import { customerResponse } from "./nodes/customer-response.ts";
import { end } from "./nodes/end.ts";
import { sendMessage } from "./nodes/send-message.ts";
import { trigger } from "./nodes/trigger.ts";

/** A Record, so a node type without a definition is a type error. */
export const nodeDefinitions: Record<NodeType, NodeDefinition> = {
  trigger,
  sendMessage,
  customerResponse,
  end,
};

export const nodeDefinition = (type: NodeType): NodeDefinition => nodeDefinitions[type];
