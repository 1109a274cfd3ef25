import { formatDuration } from "@/lib/flow/duration";
import { formatWeekdays } from "@/lib/flow/local-time";
import { delayConfig } from "@/lib/flow/nodes/delay";
import type { NodeConfig } from "../../editor-node";
import { firstIssuePath, type Words } from "../node-summary";

/** "Wait 2 hours", or "Wait until 09:00 Mon–Fri (Europe/Rome)". */
export function delaySummary(data: NodeConfig): Words {
  const parsed = delayConfig.safeParse(data);
  if (!parsed.success) {
    const [first, second] = firstIssuePath(parsed.error);
    if (first === "duration") return { missing: "Set a valid wait" };
    if (first === "until" && second === "time") return { missing: "Set a time of day" };
    if (first === "until" && second === "timezone") return { missing: "Choose a valid time zone" };
    if (first === "until") return { missing: "Fix the weekdays" };
    return { missing: "Choose how long to wait" };
  }
  const { duration, until } = parsed.data;
  if (until) return { text: `Wait until ${until.time} ${formatWeekdays(until.weekdays)} (${until.timezone})` };
  return duration ? { text: `Wait ${formatDuration(duration)}` } : { missing: "Choose how long to wait" };
}
