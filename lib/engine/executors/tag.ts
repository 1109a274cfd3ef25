import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { ContactOp } from "../contact-ops.ts";
import type { Executor } from "../decision.ts";

/** Adds, then removes (a tag in both lists ends up removed). */
export const executeTag: Executor<PublishedNodeOf<"tag">> = (node) => {
  const ops: ContactOp[] = [];
  if (node.data.add?.length) ops.push({ op: "addTags", tags: node.data.add });
  if (node.data.remove?.length) ops.push({ op: "removeTags", tags: node.data.remove });
  return { kind: "next", handle: "default", contact: ops };
};
