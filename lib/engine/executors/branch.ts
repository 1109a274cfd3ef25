import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { evaluateRule } from "../../flow/rules.ts";
import type { Executor } from "../decision.ts";
import { ruleValues } from "./template-context.ts";

/** The first case that matches the subject, else `else`. */
export const executeBranch: Executor<PublishedNodeOf<"branch">> = (node, context) => {
  const values = ruleValues(context);
  const { subject } = node.data;
  const match = node.data.cases.find((c) => evaluateRule({ subject, op: c.op, value: c.value }, values));
  return { kind: "next", handle: match?.id ?? "else" };
};
