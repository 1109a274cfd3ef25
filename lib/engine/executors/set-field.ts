import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { renderTemplate } from "../../flow/template.ts";
import type { Executor } from "../decision.ts";
import { templateContext } from "./template-context.ts";

/** Empty once filled in (a field the contact lacks, no fallback): the field is removed, so `exists` reads false. */
export const executeSetField: Executor<PublishedNodeOf<"setField">> = (node, context) => {
  const value = renderTemplate(node.data.value, templateContext(context)).trim().slice(0, 1000);
  return { kind: "next", handle: "default", contact: [{ op: "setField", key: node.data.field, value: value === "" ? null : value }] };
};
