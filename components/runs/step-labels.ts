import { nodeDefinitions } from "@/lib/flow/registry";

/** "customerResponse" → "Customer response": a readable fallback for unknown codes. */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The node type's label from the flow registry ("Customer Response"), else a humanized code. */
export function stepTypeLabel(type: string): string {
  return Object.values(nodeDefinitions).find((definition) => definition.type === type)?.label ?? humanize(type);
}

const outcomeLabels: Record<string, string> = {
  replied: "Replied",
  noResponse: "No response",
  true: "True",
  false: "False",
};

/** "replied" → "Replied", "noResponse" → "No response". */
export const outcomeLabel = (outcome: string) => outcomeLabels[outcome] ?? humanize(outcome);
