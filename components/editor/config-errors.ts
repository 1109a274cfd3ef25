import type { NodeType } from "@/lib/flow/graph";
import { nodeDefinition } from "@/lib/flow/registry";
import type { NodeConfig } from "./editor-node";

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; issues?: readonly { message: string }[] };

/**
 * First zod message per config path (`text`, `timeout.amount`, `rules.0.value`, `""` for the
 * whole config), from the node's own schema, so the inspector says what publish would say.
 */
export function configErrors(type: NodeType, data: NodeConfig): Record<string, string> {
  const parsed = nodeDefinition(type).config.safeParse(data);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= messageOf(issue);
  return errors;
}

/** A bad record key (a field key in a webhook's saved fields) says why the key is bad, not just "Invalid key". */
const messageOf = (issue: Issue): string =>
  issue.code === "invalid_key" && issue.issues?.[0] ? issue.issues[0].message : issue.message;
