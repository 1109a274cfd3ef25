import { branchConfig, type BranchConfig } from "@/lib/flow/nodes/branch";
import { opNeedsValue, subjectKind, subjectLabel } from "@/lib/flow/rules";
import { opLabel } from "../../controls/rule-controls";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

/** "last reply: yes / no / else": the subject, then each case in order, then Else. */
export function branchSummary(data: NodeConfig): Words {
  const parsed = branchConfig.safeParse(data);
  if (!parsed.success) {
    const [first, index] = firstIssuePath(parsed.error);
    if (first === "subject") return { missing: "Choose what to check" };
    if (first === "cases" && typeof index === "number") return { missing: `Complete case ${index + 1}` };
    return { missing: "Add a case" };
  }
  const { subject, cases } = parsed.data;
  return { text: `${subjectLabel(subject)}: ${[...cases.map((c) => caseWords(subject, c)), "else"].join(" / ")}` };
}

/** "yes" for an equality, else the op in words: "contains help", "is set". */
function caseWords(subject: string, { op, value }: BranchConfig["cases"][number]): string {
  const kind = subjectKind(subject) ?? "text";
  if (!opNeedsValue(op)) return opLabel(kind, op);
  const shown = op === "matches" ? `/${value ?? ""}/` : (value ?? "");
  return op === "equals" || op === "includes" ? shown : `${opLabel(kind, op)} ${shown}`;
}
