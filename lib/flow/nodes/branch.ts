import { z } from "zod";
import { userHandleId } from "../graph.ts";
import { uniqueIds } from "../unique-ids.ts";
import { defineNode, listedOutputs } from "../node-definition.ts";
import { checkRule, ruleBody, subjectSchema } from "../rule-schema.ts";

export const MAX_CASES = 20;

const caseSchema = z.object({ id: userHandleId, ...ruleBody });

export const branchConfig = z
  .object({
    subject: subjectSchema,
    cases: z.array(caseSchema).min(1, "Add at least one case").max(MAX_CASES, `At most ${MAX_CASES} cases`),
  })
  .superRefine(({ subject, cases }, ctx) => {
    uniqueIds("Case", (index) => ["cases", index, "id"])(cases, ctx);
    cases.forEach((branchCase, index) => checkRule(subject, branchCase, ctx, ["cases", index]));
  });
export type BranchConfig = z.infer<typeof branchConfig>;

export const branch = defineNode({
  type: "branch",
  label: "Branch",
  description: "Looks at one value and takes the first case it matches, or Else.",
  category: "Logic",
  config: branchConfig,
  defaults: {
    subject: "lastReply",
    cases: [
      { id: "yes", op: "equals", value: "yes" },
      { id: "no", op: "equals", value: "no" },
    ],
  },
  dataOutputs: (data) => listedOutputs(data.cases, (_entry, id) => id),
  outputs: [{ id: "else", label: "Else", required: true }],
  acceptsInput: true,
});
