import type { NodeType } from "../../flow/graph.ts";
import type { PublishedNode } from "../../flow/published-graph.ts";
import type { Decision, ExecutionContext, Executor } from "../decision.ts";
import { executeCustomerResponse } from "./customer-response.ts";
import { executeEnd } from "./end.ts";
import { executeSendMessage } from "./send-message.ts";
import { executeTrigger } from "./trigger.ts";

type Executors = { [T in NodeType]: Executor<Extract<PublishedNode, { type: T }>> };

/** A mapped Record: a node type without an executor does not compile. */
const executors: Executors = {
  trigger: executeTrigger,
  sendMessage: executeSendMessage,
  customerResponse: executeCustomerResponse,
  end: executeEnd,
};

export function execute(node: PublishedNode, context: ExecutionContext): Decision {
  switch (node.type) {
    case "trigger":
      return executors.trigger(node, context);
    case "sendMessage":
      return executors.sendMessage(node, context);
    case "customerResponse":
      return executors.customerResponse(node, context);
    case "end":
      return executors.end(node, context);
  }
}
