import type { TemplateContext } from "../../flow/template.ts";
import type { ExecutionContext } from "../decision.ts";

/** The values dynamic fields read, from what the run knows of its contact now. */
export const templateContext = ({ contact, lastReply }: ExecutionContext): TemplateContext => ({
  "contact.name": contact.name,
  "contact.phone": contact.phone,
  lastReply,
  fields: contact.fields,
});

/** The subjects rules look at. */
export const ruleValues = ({ contact, lastReply }: ExecutionContext) => ({
  name: contact.name,
  phone: contact.phone,
  fields: contact.fields,
  tags: contact.tags,
  lastReply,
});
