import { Counter, Histogram, Registry } from "prom-client";

/**
 * The engine's metrics, one registry per process (kept on globalThis across dev reloads). Workers
 * are separate processes, anywhere: each adds its counts to Postgres (flush.ts) and /api/metrics
 * reads the sums, so one scrape sees the whole fleet.
 */
function create() {
  const registry = new Registry();
  return {
    registry,
    steps: new Counter({ name: "replyflow_steps_total", help: "Run steps written, by node type (history rows).", labelNames: ["type"], registers: [registry] }),
    sends: new Counter({ name: "replyflow_sends_total", help: "WhatsApp send attempts by outcome: sent, retried, failed.", labelNames: ["status"], registers: [registry] }),
    lateness: new Histogram({
      name: "replyflow_wait_lateness_seconds",
      help: "How late a wait's timer completed it, after its deadline.",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    }),
    webhook: new Histogram({
      name: "replyflow_webhook_request_seconds",
      help: "Time to answer Meta's webhook, by outcome (stored, duplicate, refused).",
      labelNames: ["outcome"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    jobs: new Counter({ name: "replyflow_jobs_total", help: "Jobs settled, by queue and outcome.", labelNames: ["queue", "outcome"], registers: [registry] }),
  };
}

const globalForMetrics = globalThis as unknown as { replyflowMetrics?: ReturnType<typeof create> };
export const metrics = () => (globalForMetrics.replyflowMetrics ??= create());
