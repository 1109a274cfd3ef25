import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { evaluateRule } from "../../flow/rules.ts";
import type { Executor } from "../decision.ts";
import { ruleValues } from "./template-context.ts";

/** All (or any) rules true → `true`, else `false`. */
export const executeCondition: Executor<PublishedNodeOf<"condition">> = (node, context) => {
  const values = ruleValues(context);
  const results = node.data.rules.map((rule) => evaluateRule(rule, values));
  const passed = node.data.combine === "all" ? results.every(Boolean) : results.some(Boolean);
  return { kind: "next", handle: passed ? "true" : "false" };
};
