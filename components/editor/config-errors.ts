import type { NodeType } from "@/lib/flow/graph";
import { nodeDefinition } from "@/lib/flow/registry";
import type { NodeConfig } from "./editor-node";

/** First zod message per config path (`text`, `timeout.amount`, `timeout`), from the node's own schema. */
export function configErrors(type: NodeType, data: NodeConfig): Record<string, string> {
  const parsed = nodeDefinition(type).config.safeParse(data);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}
