import type { Registry } from "prom-client";
import { log, errorText } from "../log.ts";
import { pool } from "../sql.ts";
import { labelKey } from "./labels.ts";
import { metrics } from "./registry.ts";

type Sample = { name: string; labels: string; value: number };

/** The registry's counter and histogram series (buckets, sums, counts), each with its labels. */
export async function samples(registry: Registry): Promise<Sample[]> {
  const json = await registry.getMetricsAsJSON();
  return json.flatMap((metric) => metric.values.map((v) => ({
    name: (v as { metricName?: string }).metricName ?? metric.name,
    labels: labelKey(v.labels as Record<string, string | number>),
    value: v.value,
  })));
}

const flushed = new WeakMap<Registry, Map<string, number>>();

/**
 * Adds what this process counted since its last successful flush to the shared rows. A failed
 * flush (the database away) keeps its deltas for the next one: nothing is lost or counted twice.
 */
export async function flushDeltas(registry: Registry, write = pool()): Promise<number> {
  const done = flushed.get(registry) ?? new Map<string, number>();
  const current = await samples(registry);
  const deltas = current.flatMap((s) => {
    const before = done.get(`${s.name}{${s.labels}}`);
    // New series are written even at 0, so a histogram's buckets are all there from the start.
    const delta = s.value - (before ?? 0);
    return delta !== 0 || before === undefined ? [{ ...s, delta }] : [];
  });
  if (deltas.length === 0) return 0;
  await write.query(
    `INSERT INTO "MetricCounter" (name, labels, value)
     SELECT name, labels, delta FROM json_to_recordset($1::json) AS x(name text, labels text, delta float8)
     ON CONFLICT (name, labels) DO UPDATE SET value = "MetricCounter".value + EXCLUDED.value`,
    [JSON.stringify(deltas)],
  );
  for (const s of deltas) done.set(`${s.name}{${s.labels}}`, s.value);
  flushed.set(registry, done);
  return deltas.length;
}

const FLUSH_MS = Number(process.env.METRICS_FLUSH_MS ?? 5_000);
const globalForFlush = globalThis as unknown as { replyflowMetricsFlush?: NodeJS.Timeout };

/** Flushes every few seconds in the background (never keeping the process alive); once per process. */
export function startMetricsFlush(): void {
  if (globalForFlush.replyflowMetricsFlush || process.env.METRICS_FLUSH === "0" || !process.env.DATABASE_URL) return;
  globalForFlush.replyflowMetricsFlush = setInterval(() => {
    flushDeltas(metrics().registry).catch((error: unknown) => log.warn({ err: errorText(error) }, "metrics flush failed; kept for the next one"));
  }, FLUSH_MS).unref();
}

/** A last flush (a stopping worker), then no more. */
export async function stopMetricsFlush(): Promise<void> {
  clearInterval(globalForFlush.replyflowMetricsFlush);
  globalForFlush.replyflowMetricsFlush = undefined;
  await flushDeltas(metrics().registry).catch((error: unknown) => log.warn({ err: errorText(error) }, "last metrics flush failed"));
}
