import type { NodeProps } from "@xyflow/react";
import type { ComponentType } from "react";
import type { NodeType } from "@/lib/flow/graph";
import { CustomerResponseNode } from "./customer-response-node";
import type { EditorNode } from "./editor-node";
import { EndNode } from "./end-node";
import { SendMessageNode } from "./send-message-node";
import { TriggerNode } from "./trigger-node";

/** Module-level so React Flow never sees a new object; a Record so each node type needs a component. */
export const editorNodeTypes: Record<NodeType, ComponentType<NodeProps<EditorNode>>> = {
  trigger: TriggerNode,
  sendMessage: SendMessageNode,
  customerResponse: CustomerResponseNode,
  end: EndNode,
};
