import { startMetricsFlush } from "./flush.ts";
import { metrics } from "./registry.ts";

/** What the engine counts; the first count in a process starts its flush to Postgres. */
const m = () => {
  startMetricsFlush();
  return metrics();
};

export const countSteps = (type: string, n = 1) => m().steps.inc({ type }, n);
export const countSend = (status: "sent" | "retried" | "failed", n = 1) => n > 0 && m().sends.inc({ status }, n);
export const observeWaitLateness = (seconds: number) => m().lateness.observe(Math.max(0, seconds));
export const observeWebhookRequest = (seconds: number, outcome: string) => m().webhook.observe({ outcome }, seconds);
export const countJobs = (queue: string, outcome: "completed" | "failed", n = 1) => n > 0 && m().jobs.inc({ queue, outcome }, n);
