import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

/** Hands the contact to a person: the Inbox gets (or keeps) an open conversation; the run goes on. */
export const executeHandoff: Executor<PublishedNodeOf<"handoff">> = (node) => ({
  kind: "next",
  handle: "default",
  handoff: { note: node.data.note?.trim() || null },
  detail: node.data.note?.trim() ? `Handed to the inbox: ${node.data.note.trim()}` : "Handed to the inbox",
});
