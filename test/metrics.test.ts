import { Counter, Histogram, Registry } from "prom-client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushDeltas } from "../lib/metrics/flush.ts";
import { labelKey } from "../lib/metrics/labels.ts";
import { countSteps, observeWaitLateness } from "../lib/metrics/record.ts";
import { metrics } from "../lib/metrics/registry.ts";
import { renderMetrics } from "../lib/metrics/render.ts";
import { boss } from "../lib/queue.ts";
import { closePool, pool } from "../lib/sql.ts";
import { createTestDatabase } from "./helpers/database.ts";

beforeAll(async () => {
  process.env.METRICS_FLUSH = "0";
  await createTestDatabase("metrics");
  await boss(); // pg-boss's schema, which the queue gauge reads
});
afterAll(async () => {
  await (await boss()).stop({ graceful: false });
  await closePool();
});

/** A process of its own: a registry with the same series as a worker's. */
function processRegistry() {
  const registry = new Registry();
  const steps = new Counter({ name: "replyflow_steps_total", help: "steps", labelNames: ["type"], registers: [registry] });
  const lateness = new Histogram({ name: "replyflow_wait_lateness_seconds", help: "late", buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60], registers: [registry] });
  return { registry, steps, lateness };
}
const stored = async (name: string, labels: string) =>
  (await pool().query<{ value: number }>(`SELECT value FROM "MetricCounter" WHERE name = $1 AND labels = $2`, [name, labels])).rows[0]?.value;

describe("metrics across processes", () => {
  it("two processes' deltas add up, and flushing again adds only what is new", async () => {
    const [a, b] = [processRegistry(), processRegistry()];
    a.steps.inc({ type: "sendMessage" }, 3);
    b.steps.inc({ type: "sendMessage" }, 2);
    b.lateness.observe(0.7);
    await flushDeltas(a.registry);
    await flushDeltas(b.registry);
    expect(await stored("replyflow_steps_total", 'type="sendMessage"')).toBe(5);
    await flushDeltas(a.registry); // nothing new
    a.steps.inc({ type: "sendMessage" });
    await flushDeltas(a.registry);
    expect(await stored("replyflow_steps_total", 'type="sendMessage"')).toBe(6);
    expect(await stored("replyflow_wait_lateness_seconds_bucket", 'le="0.5"')).toBe(0);
    expect(await stored("replyflow_wait_lateness_seconds_bucket", 'le="1"')).toBe(1);
    expect(await stored("replyflow_wait_lateness_seconds_count", "")).toBe(1);
  });

  it("a flush that fails keeps its deltas for the next one", async () => {
    const p = processRegistry();
    p.steps.inc({ type: "tag" }, 4);
    const broken = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 500 });
    await expect(flushDeltas(p.registry, broken)).rejects.toThrow();
    await broken.end();
    await flushDeltas(p.registry);
    expect(await stored("replyflow_steps_total", 'type="tag"')).toBe(4);
  });

  it("renders Prometheus text: help and type lines, cumulative buckets up to +Inf, the gauges", async () => {
    countSteps("delay", 2);
    observeWaitLateness(0.2);
    observeWaitLateness(3);
    await flushDeltas(metrics().registry);
    const text = await renderMetrics();
    expect(text).toContain("# TYPE replyflow_steps_total counter");
    expect(text).toContain("# TYPE replyflow_wait_lateness_seconds histogram");
    const buckets = [...text.matchAll(/^replyflow_wait_lateness_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(buckets.at(-1)?.[0]).toBe("+Inf");
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]![1]).toBeGreaterThanOrEqual(buckets[i - 1]![1]);
    for (const gauge of ["replyflow_runs_active", "replyflow_waits_pending", "replyflow_sends_pending", "replyflow_oldest_pending_send_seconds"]) {
      expect(text).toContain(`# TYPE ${gauge} gauge`);
    }
    expect(text).toMatch(/^replyflow_scrape_errors 0$/m);
    // Every sample line is `name{labels} number`.
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^[a-z_]+(\{.*\})? -?[\d.e+-]+$|^[a-z_]+(\{.*\})? (NaN|\+Inf)$/);
  });

  it("escapes label values", () => {
    expect(labelKey({ z: 'a"b', a: "back\\slash\nline" })).toBe('a="back\\\\slash\\nline",z="a\\"b"');
  });
});
