import { z } from "zod";
import { regexIssue } from "./regex-issue.ts";
import { isDecimal, opNeedsValue, opsFor, ruleOps, subjectKind } from "./rules.ts";

/** What a rule looks at, e.g. `contact.fields.city`, `contact.tags`, `lastReply`. */
export const subjectSchema = z
  .string()
  .trim()
  .refine((subject) => subjectKind(subject) !== null, {
    message: "Choose what to check: name, phone, a contact field (contact.fields.<key>), tags or the last reply",
  });

/** A rule of a Condition, or a case of a Branch (whose subject is the Branch's). */
export const ruleBody = { op: z.enum(ruleOps), value: z.string().trim().max(500, "At most 500 characters").optional() };

type RuleLike = { op: (typeof ruleOps)[number]; value?: string | undefined };

/** The checks that need the subject: an op that fits it, a value where needed, a regex that compiles, a number. */
export function checkRule(subject: string, rule: RuleLike, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  const kind = subjectKind(subject);
  if (kind === null) return; // the subject's own issue says it
  if (!opsFor(kind).includes(rule.op)) {
    ctx.addIssue({ code: "custom", path: [...path, "op"], message: `"${rule.op}" does not apply to ${kind === "tags" ? "tags" : "text"}` });
    return;
  }
  const value = rule.value ?? "";
  if (opNeedsValue(rule.op) && value === "") {
    ctx.addIssue({ code: "custom", path: [...path, "value"], message: "Enter a value to compare with" });
    return;
  }
  if (rule.op === "matches") {
    const problem = regexIssue(value);
    if (problem) ctx.addIssue({ code: "custom", path: [...path, "value"], message: problem });
  }
  if ((rule.op === "greaterThan" || rule.op === "lessThan") && !isDecimal(value)) {
    ctx.addIssue({ code: "custom", path: [...path, "value"], message: "Enter a number" });
  }
}
