import { setFieldConfig } from "@/lib/flow/nodes/set-field";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

/** "city = {{lastReply}}", or "Clear city" for an empty value. */
export function setFieldSummary(data: NodeConfig): Words {
  const parsed = setFieldConfig.safeParse(data);
  if (!parsed.success) {
    const [first] = firstIssuePath(parsed.error);
    return { missing: first === "field" ? "Choose a valid field" : "Fix the value" };
  }
  const { field, value } = parsed.data;
  return { text: value === "" ? `Clear ${field}` : `${field} = ${value}` };
}
