import type pg from "pg";
import type { Registry } from "prom-client";
import { errorText, log } from "../log.ts";
import { pool } from "../sql.ts";
import { labelKey } from "./labels.ts";
import { metrics } from "./registry.ts";

type Sample = { name: string; labels: string; value: number };

/** The registry's counter and histogram series (buckets, sums, counts), each with its labels. */
export async function samples(registry: Registry): Promise<Sample[]> {
  const json = await registry.getMetricsAsJSON();
  return json.flatMap((metric) => metric.values.map((v) => ({
    name: "metricName" in v && typeof v.metricName === "string" ? v.metricName : metric.name,
    labels: labelKey(v.labels),
    value: v.value,
  })));
}

/** Per registry: the values last written, and the flush in progress. */
type FlushState = { written: Map<string, number>; last: Promise<unknown> };

// On globalThis like the registry itself: a dev reload must not forget what was already written.
const globalForFlush = globalThis as unknown as {
  replyflowFlushState?: WeakMap<Registry, FlushState>;
  replyflowMetricsFlush?: { timer: NodeJS.Timeout; busy: boolean };
};

/**
 * Adds what this registry counted since its last successful flush to the shared rows, in one
 * upsert. A failed flush (the database away) keeps its deltas for the next one. Flushes of one
 * registry run one after another: two at once would both add the same deltas.
 */
export function flushDeltas(registry: Registry, write: Pick<pg.Pool, "query"> = pool()): Promise<number> {
  const states = (globalForFlush.replyflowFlushState ??= new WeakMap());
  let state = states.get(registry);
  if (!state) states.set(registry, (state = { written: new Map(), last: Promise.resolve() }));
  const { written } = state;
  const run = state.last.catch(() => undefined).then(() => writeDeltas(registry, written, write));
  state.last = run;
  return run;
}

async function writeDeltas(registry: Registry, written: Map<string, number>, write: Pick<pg.Pool, "query">): Promise<number> {
  const deltas = (await samples(registry)).flatMap((s) => {
    const key = `${s.name}{${s.labels}}`;
    const before = written.get(key);
    // New series are written even at 0, so a histogram's buckets are all there from the start.
    // A value below the last one written means the registry was reset: count again from 0.
    const delta = before === undefined || s.value < before ? s.value : s.value - before;
    return delta !== 0 || before === undefined ? [{ key, ...s, delta }] : [];
  });
  if (deltas.length === 0) return 0;
  // Rows locked in one order (name, labels) in every process, so concurrent flushes never deadlock.
  await write.query(
    `INSERT INTO "MetricCounter" (name, labels, value)
     SELECT name, labels, delta FROM json_to_recordset($1::json) AS x(name text, labels text, delta float8)
     ORDER BY name, labels
     ON CONFLICT (name, labels) DO UPDATE SET value = "MetricCounter".value + EXCLUDED.value`,
    [JSON.stringify(deltas.map(({ name, labels, delta }) => ({ name, labels, delta })))],
  );
  for (const s of deltas) written.set(s.key, s.value);
  return deltas.length;
}

const FLUSH_MS = Number(process.env.METRICS_FLUSH_MS ?? 5_000);

/**
 * Flushes this process's registry every intervalMs in the background (never keeping the process
 * alive); once per process, later calls return the same stop. The stop function flushes once more.
 * METRICS_FLUSH=0 turns it off (tests that flush by hand).
 */
export function startMetricsFlush(intervalMs = FLUSH_MS): () => Promise<void> {
  if (globalForFlush.replyflowMetricsFlush || process.env.METRICS_FLUSH === "0" || !process.env.DATABASE_URL) return stopMetricsFlush;
  const flush = { busy: false, timer: setInterval(() => {
    // A flush still waiting on a hung connection: skip this tick rather than queue behind it.
    if (flush.busy) return;
    flush.busy = true;
    flushDeltas(metrics().registry)
      .catch((error: unknown) => log.warn({ err: errorText(error) }, "metrics flush failed; kept for the next one"))
      .finally(() => (flush.busy = false));
  }, intervalMs).unref() };
  globalForFlush.replyflowMetricsFlush = flush;
  return stopMetricsFlush;
}

/** A last flush (a stopping worker), then no more; nothing if flushing never started. */
export async function stopMetricsFlush(): Promise<void> {
  const flush = globalForFlush.replyflowMetricsFlush;
  if (!flush) return;
  clearInterval(flush.timer);
  globalForFlush.replyflowMetricsFlush = undefined;
  await flushDeltas(metrics().registry).catch((error: unknown) => log.warn({ err: errorText(error) }, "last metrics flush failed"));
}
