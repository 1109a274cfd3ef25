import type { NodeType } from "../../flow/graph.ts";
import type { PublishedNode, PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Decision, ExecutionContext, Executor } from "../decision.ts";
import { executeBranch } from "./branch.ts";
import { executeCondition } from "./condition.ts";
import { executeCustomerResponse } from "./customer-response.ts";
import { executeDelay } from "./delay.ts";
import { executeEnd } from "./end.ts";
import { executeExitAutomations } from "./exit-automations.ts";
import { executeHandoff } from "./handoff.ts";
import { executeSendMessage } from "./send-message.ts";
import { executeSetField } from "./set-field.ts";
import { executeStartAutomation } from "./start-automation.ts";
import { executeTag } from "./tag.ts";
import { executeTrigger } from "./trigger.ts";
import { executeWebhook } from "./webhook.ts";

type Executors = { [T in NodeType]: Executor<PublishedNodeOf<T>> };

/** A mapped Record: a node type without an executor does not compile. */
const executors: Executors = {
  trigger: executeTrigger,
  sendMessage: executeSendMessage,
  customerResponse: executeCustomerResponse,
  condition: executeCondition,
  branch: executeBranch,
  delay: executeDelay,
  tag: executeTag,
  setField: executeSetField,
  webhook: executeWebhook,
  startAutomation: executeStartAutomation,
  exitAutomations: executeExitAutomations,
  handoff: executeHandoff,
  end: executeEnd,
};

/** Each node reaches its own type's executor (correlated through the type parameter, no switch to keep in step). */
function executeOf<T extends NodeType>(node: PublishedNodeOf<T>, context: ExecutionContext): Decision {
  const executor: Executor<PublishedNodeOf<T>> = executors[node.type];
  return executor(node, context);
}

export const execute = (node: PublishedNode, context: ExecutionContext): Decision => executeOf(node, context);
