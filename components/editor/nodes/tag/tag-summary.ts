import { tagConfig } from "@/lib/flow/nodes/tag";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

/** "Add vip · Remove lead". */
export function tagSummary(data: NodeConfig): Words {
  const parsed = tagConfig.safeParse(data);
  if (!parsed.success) {
    const [first] = firstIssuePath(parsed.error);
    if (first === "add") return { missing: "Fix the tags to add" };
    if (first === "remove") return { missing: "Fix the tags to remove" };
    return { missing: "Choose tags to add or remove" };
  }
  const { add = [], remove = [] } = parsed.data;
  const parts = [add.length > 0 && `Add ${add.join(", ")}`, remove.length > 0 && `Remove ${remove.join(", ")}`];
  return { text: parts.filter(Boolean).join(" · ") };
}
