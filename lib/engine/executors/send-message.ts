import type { PublishedNode } from "../../flow/published-graph.ts";
import { renderTemplate } from "../../flow/template.ts";
import type { Executor } from "../decision.ts";

export const executeSendMessage: Executor<Extract<PublishedNode, { type: "sendMessage" }>> = (node, { contact, lastReply, sessionWindow }) => {
  if (sessionWindow === "closed" && !node.data.template) {
    return {
      kind: "fail",
      reason: "WhatsApp's 24-hour window is closed: the contact has not written in the last 24 hours, so free text cannot be sent. Use an approved template for this message.",
    };
  }
  const text = renderTemplate(node.data.text, {
    "contact.name": contact.name,
    "contact.phone": contact.phone,
    lastReply,
  }).trim();
  if (!text) return { kind: "fail", reason: `Message of step ${node.id} is empty once its fields are filled in` };
  return { kind: "next", handle: "default", send: { text } };
};
