import type { NodeProps } from "@xyflow/react";
import type { ComponentType } from "react";
import type { NodeType } from "@/lib/flow/graph";
import type { EditorNode } from "./editor-node";
import { BranchNode } from "./nodes/branch/branch-node";
import { ConditionNode } from "./nodes/condition/condition-node";
import { CustomerResponseNode } from "./nodes/customer-response/customer-response-node";
import { DelayNode } from "./nodes/delay/delay-node";
import { EndNode } from "./nodes/end/end-node";
import { ExitAutomationsNode } from "./nodes/exit-automations/exit-automations-node";
import { HandoffNode } from "./nodes/handoff/handoff-node";
import { SendMessageNode } from "./nodes/send-message/send-message-node";
import { SetFieldNode } from "./nodes/set-field/set-field-node";
import { StartAutomationNode } from "./nodes/start-automation/start-automation-node";
import { TagNode } from "./nodes/tag/tag-node";
import { TriggerNode } from "./nodes/trigger/trigger-node";
import { WebhookNode } from "./nodes/webhook/webhook-node";

/** Module-level so React Flow never sees a new object; a Record so each node type needs a component. */
export const editorNodeTypes: Record<NodeType, ComponentType<NodeProps<EditorNode>>> = {
  trigger: TriggerNode,
  sendMessage: SendMessageNode,
  customerResponse: CustomerResponseNode,
  condition: ConditionNode,
  branch: BranchNode,
  delay: DelayNode,
  tag: TagNode,
  setField: SetFieldNode,
  webhook: WebhookNode,
  startAutomation: StartAutomationNode,
  exitAutomations: ExitAutomationsNode,
  handoff: HandoffNode,
  end: EndNode,
};
