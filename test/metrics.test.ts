import { Counter, Histogram, Registry } from "prom-client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushDeltas } from "../lib/metrics/flush.ts";
import { labelKey } from "../lib/metrics/labels.ts";
import { countSteps, observeWaitLateness } from "../lib/metrics/record.ts";
import { metrics } from "../lib/metrics/registry.ts";
import { renderMetrics } from "../lib/metrics/render.ts";
import { boss, QUEUES } from "../lib/queue.ts";
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

describe("flushing across processes", () => {
  it("two processes' deltas add up, and flushing again adds only what is new", async () => {
    const [a, b] = [processRegistry(), processRegistry()];
    a.steps.inc({ type: "sendMessage" }, 3);
    b.steps.inc({ type: "sendMessage" }, 2);
    b.lateness.observe(0.7);
    await flushDeltas(a.registry);
    await flushDeltas(b.registry);
    expect(await stored("replyflow_steps_total", 'type="sendMessage"')).toBe(5);
    expect(await flushDeltas(a.registry)).toBe(0); // nothing new
    a.steps.inc({ type: "sendMessage" });
    await flushDeltas(a.registry);
    expect(await stored("replyflow_steps_total", 'type="sendMessage"')).toBe(6);
    expect(await stored("replyflow_wait_lateness_seconds_bucket", 'le="0.5"')).toBe(0);
    expect(await stored("replyflow_wait_lateness_seconds_bucket", 'le="1"')).toBe(1);
    expect(await stored("replyflow_wait_lateness_seconds_count", "")).toBe(1);
  });

  it("flushes of one registry started together count once", async () => {
    const p = processRegistry();
    p.steps.inc({ type: "condition" }, 7);
    await Promise.all([flushDeltas(p.registry), flushDeltas(p.registry), flushDeltas(p.registry)]);
    expect(await stored("replyflow_steps_total", 'type="condition"')).toBe(7);
  });

  it("a reset registry counts again from zero instead of subtracting", async () => {
    const p = processRegistry();
    p.steps.inc({ type: "webhook" }, 5);
    await flushDeltas(p.registry);
    p.registry.resetMetrics();
    p.steps.inc({ type: "webhook" }, 2);
    await flushDeltas(p.registry);
    expect(await stored("replyflow_steps_total", 'type="webhook"')).toBe(7);
  });

  it("a flush that fails keeps its deltas for the next one", async () => {
    const p = processRegistry();
    p.steps.inc({ type: "tag" }, 4);
    const broken = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 500 });
    await expect(flushDeltas(p.registry, broken)).rejects.toThrow();
    p.steps.inc({ type: "tag" }, 1);
    await expect(flushDeltas(p.registry, broken)).rejects.toThrow();
    await broken.end();
    await flushDeltas(p.registry);
    expect(await stored("replyflow_steps_total", 'type="tag"')).toBe(5);
  });
});

describe("renderMetrics", () => {
  it("renders Prometheus text: help and type before each family, cumulative buckets up to +Inf, the gauges", async () => {
    countSteps("delay", 2);
    observeWaitLateness(0.2);
    observeWaitLateness(3);
    await flushDeltas(metrics().registry);
    await (await boss()).send(QUEUES.runStepBulk, { runIds: ["r1"] });
    await pool().query(`INSERT INTO "Contact" (id, "workspaceId", phone) VALUES ('c1', 'default', '+15550001')`);
    await pool().query(`INSERT INTO "Message" (id, "workspaceId", "contactId", direction, text, "contactSeq", status, at)
                        VALUES ('m1', 'default', 'c1', 'outbound', 'hi', 1, 'pending', clock_timestamp() - interval '42 seconds')`);
    const text = await renderMetrics();
    const families = parse(text);
    expect(families.get("replyflow_steps_total")?.type).toBe("counter");
    expect(sample(families, "replyflow_steps_total", 'type="delay"')).toBe(2);

    const lateness = families.get("replyflow_wait_lateness_seconds");
    expect(lateness?.type).toBe("histogram");
    const buckets = lateness!.samples.filter((s) => s.name.endsWith("_bucket"));
    expect(buckets.at(-1)?.labels).toBe('le="+Inf"');
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    expect(buckets.at(-1)?.value).toBe(sample(families, "replyflow_wait_lateness_seconds", "", "_count"));

    for (const gauge of ["replyflow_queue_depth", "replyflow_runs", "replyflow_waits_pending", "replyflow_messages_outbound", "replyflow_oldest_pending_send_seconds", "replyflow_scrape_errors"]) {
      expect(families.get(gauge)?.type).toBe("gauge");
    }
    // Every queue and state is there, at 0 when empty.
    expect(families.get("replyflow_queue_depth")!.samples).toHaveLength(Object.keys(QUEUES).length * 3);
    expect(sample(families, "replyflow_queue_depth", `queue="${QUEUES.runStepBulk}",state="created"`)).toBe(1);
    expect(sample(families, "replyflow_queue_depth", `queue="${QUEUES.runStep}",state="active"`)).toBe(0);
    expect(sample(families, "replyflow_runs", 'status="completed"')).toBe(0);
    expect(sample(families, "replyflow_waits_pending", 'kind="reply"')).toBe(0);
    expect(sample(families, "replyflow_messages_outbound", 'status="pending"')).toBe(1);
    expect(sample(families, "replyflow_oldest_pending_send_seconds", "")).toBeGreaterThanOrEqual(42);
    expect(sample(families, "replyflow_scrape_errors", "")).toBe(0);
  });

  it("escapes quotes, backslashes and newlines in label values, the same way in every process", async () => {
    expect(labelKey({ z: 'a"b', a: "back\\slash\nline" })).toBe('a="back\\\\slash\\nline",z="a\\"b"');
    countSteps('odd"type\\with\nnewline');
    await flushDeltas(metrics().registry);
    expect(await renderMetrics()).toContain('replyflow_steps_total{type="odd\\"type\\\\with\\nnewline"} 1\n');
  });

  it("a gauge whose query fails is left out and counted; the rest still render", async () => {
    await pool().query(`ALTER TABLE "Wait" RENAME TO "WaitAway"`);
    try {
      const families = parse(await renderMetrics());
      expect(families.has("replyflow_waits_pending")).toBe(false);
      expect(families.get("replyflow_runs")?.samples.length).toBeGreaterThan(0);
      expect(families.get("replyflow_steps_total")?.samples.length).toBeGreaterThan(0);
      expect(sample(families, "replyflow_scrape_errors", "")).toBe(1);
    } finally {
      await pool().query(`ALTER TABLE "WaitAway" RENAME TO "Wait"`);
    }
  });
});

type Family = { type?: string; help?: string; samples: { name: string; labels: string; value: number }[] };

/**
 * A strict reading of the text format: HELP and TYPE once per family and before its samples,
 * every sample `name{labels} value` of a declared family, nothing after a family ended.
 */
function parse(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  let current: string | undefined;
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.slice(0, -1).split("\n")) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta;
      if (kind === "HELP") {
        expect(families.has(name!), `${name} declared twice`).toBe(false);
        families.set(name!, { help: rest, samples: [] });
        current = name;
      } else {
        expect(current).toBe(name);
        families.get(name!)!.type = rest;
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (\S+)$/.exec(line);
    expect(m, `not a sample line: ${line}`).not.toBeNull();
    const [, name, labels = "", value] = m!;
    expect(current && (name === current || name!.startsWith(`${current}_`)), `${name} outside its family`).toBeTruthy();
    expect(families.get(current!)!.type, `${name} before its TYPE`).toBeDefined();
    expect(Number.isNaN(Number(value)) && value !== "NaN").toBe(false);
    families.get(current!)!.samples.push({ name: name!, labels, value: Number(value) });
  }
  return families;
}

const sample = (families: Map<string, Family>, family: string, labels: string, suffix = "") =>
  families.get(family)?.samples.find((s) => s.name === `${family}${suffix}` && s.labels === labels)?.value;
