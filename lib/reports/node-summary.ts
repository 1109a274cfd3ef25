import { durationSchema, formatDuration } from "../flow/duration.ts";
import type { GraphNode } from "../flow/graph.ts";

const MAX_SUMMARY = 60;

/** A few words that tell a step from others of its type: a message's text, a wait's timeout. */
export function nodeSummary(node: Pick<GraphNode, "type" | "data">): string | null {
  const { data } = node;
  switch (node.type) {
    case "sendMessage":
      return typeof data.text === "string" && data.text.trim() ? clip(data.text.trim()) : null;
    case "customerResponse":
      return duration(data.timeout, (d) => `waits ${d}`);
    case "delay":
      return duration(data.duration, (d) => `for ${d}`);
    case "handoff":
      return typeof data.note === "string" && data.note.trim() ? clip(data.note.trim()) : null;
    default:
      return null;
  }
}

function duration(value: unknown, words: (d: string) => string): string | null {
  const parsed = durationSchema.safeParse(value);
  return parsed.success ? words(formatDuration(parsed.data)) : null;
}

const clip = (text: string) => {
  const line = text.replace(/\s+/g, " ");
  return line.length > MAX_SUMMARY ? `${line.slice(0, MAX_SUMMARY - 1)}…` : line;
};
