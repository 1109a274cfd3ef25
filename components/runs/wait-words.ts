import type { RunSummary } from "./run-schemas";

export type WaitKind = NonNullable<RunSummary["wait"]>["kind"];

/** How each kind of wait reads: a badge, the countdown while due later, and once due. */
export const waitWords: Record<WaitKind, { badge: string; dueIn: string; dueNow: string; dueAt: string }> = {
  reply: { badge: "Waiting for a reply", dueIn: "Times out in", dueNow: "Timing out…", dueAt: "Times out at" },
  delay: { badge: "Delaying", dueIn: "Due in", dueNow: "Due now…", dueAt: "Due at" },
  retry: { badge: "Retry scheduled", dueIn: "Retry in", dueNow: "Retrying…", dueAt: "Retries at" },
};
