import { z } from "zod";
import { defineNode } from "../node-definition.ts";
import { checkRule, ruleBody, subjectSchema } from "../rule-schema.ts";

export const MAX_RULES = 20;

const ruleSchema = z.object({ subject: subjectSchema, ...ruleBody }).superRefine((rule, ctx) => checkRule(rule.subject, rule, ctx));

export const conditionConfig = z.object({
  combine: z.enum(["all", "any"]),
  rules: z.array(ruleSchema).min(1, "Add at least one rule").max(MAX_RULES, `At most ${MAX_RULES} rules`),
});
export type ConditionConfig = z.infer<typeof conditionConfig>;

export const condition = defineNode({
  type: "condition",
  label: "Condition",
  description: "Checks the contact's tags, fields or last reply: all (or any) of the rules true takes True, else False.",
  category: "Logic",
  config: conditionConfig,
  defaults: { combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "vip" }] },
  outputs: [
    { id: "true", label: "True", required: true },
    { id: "false", label: "False", required: true },
  ],
  acceptsInput: true,
});
