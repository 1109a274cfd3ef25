import { formatDuration, toSeconds } from "../../flow/duration.ts";
import { formatWeekdays, nextLocalTime } from "../../flow/local-time.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

/** A wait with a due time; only its timer ends it (replies do not). */
export const executeDelay: Executor<PublishedNodeOf<"delay">> = (node, { now }) => {
  const { duration, until } = node.data;
  if (duration) return { kind: "delay", until: new Date(now.getTime() + toSeconds(duration) * 1000), detail: `Waiting ${formatDuration(duration)}` };
  if (!until) return { kind: "fail", reason: `Delay ${node.id} has neither a duration nor a time` };
  const at = nextLocalTime(now, until);
  return { kind: "delay", until: at, detail: `Waiting until ${until.time} ${formatWeekdays(until.weekdays)} (${until.timezone}): ${at.toISOString()}` };
};
