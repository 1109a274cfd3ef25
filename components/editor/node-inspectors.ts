import type { ComponentType } from "react";
import type { NodeType } from "@/lib/flow/graph";
import { CustomerResponseInspector } from "./customer-response-inspector";
import type { EditorNode } from "./editor-node";
import { SendMessageInspector } from "./send-message-inspector";

/** Config forms per node type; `null` for types without settings. */
export const nodeInspectors: Record<NodeType, ComponentType<{ node: EditorNode }> | null> = {
  trigger: null,
  sendMessage: SendMessageInspector,
  customerResponse: CustomerResponseInspector,
  end: null,
};
