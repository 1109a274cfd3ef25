import type { PublishedNode } from "../../flow/published-graph.ts";
import { renderTemplate } from "../../flow/template.ts";
import type { Executor } from "../decision.ts";

export const executeSendMessage: Executor<Extract<PublishedNode, { type: "sendMessage" }>> = (node, { contact, lastReply }) => {
  const text = renderTemplate(node.data.text, {
    "contact.name": contact.name,
    "contact.phone": contact.phone,
    lastReply,
  }).trim();
  if (!text) return { kind: "fail", reason: `Message of step ${node.id} is empty once its fields are filled in` };
  return { kind: "next", handle: "default", send: { text } };
};
