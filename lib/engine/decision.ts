import type { Duration } from "../flow/duration.ts";
import type { HandleId } from "../flow/graph.ts";
import type { MessageButton } from "../flow/nodes/send-message.ts";
import type { PublishedNode } from "../flow/published-graph.ts";
import type { ContactOp } from "./contact-ops.ts";

/** What a step sends: the text shown in the conversation, with its buttons or template. */
export type OutboundSend = {
  text: string;
  buttons?: MessageButton[];
  template?: { name: string; language: string; params: string[] };
};

/** A webhook request with its dynamic fields filled in, as the outbox stores it. */
export type WebhookCallRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

/** What an executor decides; only the engine turns a decision into writes. */
export type Decision =
  | {
      kind: "next";
      handle: HandleId;
      detail?: string;
      send?: OutboundSend;
      /** Changes to the contact's fields and tags, in order. */
      contact?: ContactOp[];
      /** Start this automation for the contact. */
      start?: { automationId: string };
      /** Cancel the contact's other active runs: all (null), or those of these automations. */
      exit?: { automationIds: string[] | null };
      /** Open (or keep) a conversation for a person in the inbox. */
      handoff?: { note: string | null };
    }
  | { kind: "waitForReply"; timeout: Duration }
  | { kind: "delay"; until: Date; detail: string }
  | { kind: "callWebhook"; request: WebhookCallRequest; attempts: number; detail: string }
  | { kind: "end" }
  | { kind: "fail"; reason: string };

export type ExecutionContext = {
  /** The contact as this run sees it now: earlier steps' changes included. */
  contact: { phone: string | null; name: string | null; fields: Record<string, string>; tags: string[] };
  /** Text of the contact's latest inbound message, for {{lastReply}}. */
  lastReply: string | null;
  /** WhatsApp's 24-hour window for free text, where the channel enforces it. */
  sessionWindow: "open" | "closed" | "notEnforced";
  /** The database clock, read when the contact was locked. */
  now: Date;
  /** The run's own automation, and how many Start automation steps led to the run. */
  automationId: string;
  depth: number;
  /** Automations the contact has an active run in (this run's included). */
  activeAutomations: ReadonlySet<string>;
  /** Which call this is of a webhook step: 1, or the retry's number + 1. */
  attempt: number;
};

export type Executor<N = PublishedNode> = (node: N, context: ExecutionContext) => Decision;
