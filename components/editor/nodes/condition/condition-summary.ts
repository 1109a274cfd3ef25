import { conditionConfig } from "@/lib/flow/nodes/condition";
import { describeRule } from "@/lib/flow/rules";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

/** "If tag is vip and city is Milano" (all) or "... or ..." (any). */
export function conditionSummary(data: NodeConfig): Words {
  const parsed = conditionConfig.safeParse(data);
  if (!parsed.success) {
    const [first, index] = firstIssuePath(parsed.error);
    if (first === "rules" && typeof index === "number") return { missing: `Complete rule ${index + 1}` };
    if (first === "rules") return { missing: "Add a rule" };
    return { missing: "Choose whether all or any rule must be true" };
  }
  const { combine, rules } = parsed.data;
  return { text: `If ${rules.map(describeRule).join(combine === "all" ? " and " : " or ")}` };
}
