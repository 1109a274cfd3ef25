import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { renderTemplate } from "../../flow/template.ts";
import type { Executor } from "../decision.ts";
import { templateContext } from "./template-context.ts";

export const DEFAULT_TEMPLATE_LANGUAGE = "en_US";

export const executeSendMessage: Executor<PublishedNodeOf<"sendMessage">> = (node, context) => {
  const { template, buttons } = node.data;
  if (context.sessionWindow === "closed" && !template) {
    return {
      kind: "fail",
      reason: "WhatsApp's 24-hour window is closed: the contact has not written in the last 24 hours, so free text cannot be sent. Use an approved template for this message.",
    };
  }
  const values = templateContext(context);
  const text = renderTemplate(node.data.text, values).trim();
  if (!text) return { kind: "fail", reason: `Message of step ${node.id} is empty once its fields are filled in` };
  return {
    kind: "next",
    handle: "default",
    send: {
      text,
      ...(buttons?.length ? { buttons } : {}),
      ...(template
        ? { template: { name: template.name, language: template.language ?? DEFAULT_TEMPLATE_LANGUAGE, params: (template.params ?? []).map((p) => renderTemplate(p, values)) } }
        : {}),
    },
  };
};
