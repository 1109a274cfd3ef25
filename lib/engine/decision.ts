import type { Duration } from "../flow/duration.ts";
import type { HandleId } from "../flow/graph.ts";
import type { PublishedNode } from "../flow/published-graph.ts";

/** What an executor decides; only the engine turns a decision into writes. */
export type Decision =
  | { kind: "next"; handle: HandleId; send?: { text: string }; detail?: string }
  | { kind: "waitForReply"; timeout: Duration }
  | { kind: "end" }
  | { kind: "fail"; reason: string };

export type ExecutionContext = {
  contact: { phone: string; name: string | null };
  /** Text of the contact's latest inbound message, for {{lastReply}}. */
  lastReply: string | null;
  /** WhatsApp's 24-hour window for free text, where the channel enforces it. */
  sessionWindow: "open" | "closed" | "notEnforced";
};

export type Executor<N extends PublishedNode = PublishedNode> = (node: N, context: ExecutionContext) => Decision;
