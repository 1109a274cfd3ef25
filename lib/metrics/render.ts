import { QUEUES } from "../queue.ts";
import { pool } from "../sql.ts";
import { startMetricsFlush } from "./flush.ts";
import { escapeLabel } from "./labels.ts";
import { metrics } from "./registry.ts";

type Row = { name: string; labels: string; value: number };

/**
 * /api/metrics in Prometheus text format: the fleet's counters and histograms (summed from the
 * rows every process adds to), then gauges read from the database at scrape time. A gauge whose
 * query fails is left out and counted in replyflow_scrape_errors; the rest still render.
 */
export async function renderMetrics(): Promise<string> {
  startMetricsFlush();
  const lines: string[] = [];
  let errors = 0;
  const { rows } = await pool().query<Row>(`SELECT name, labels, value FROM "MetricCounter" ORDER BY name, labels`);
  for (const family of await metrics().registry.getMetricsAsJSON()) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
    for (const row of rows.filter((r) => r.name === family.name || r.name.startsWith(`${family.name}_`)).sort(bucketOrder)) {
      lines.push(`${row.name}${row.labels ? `{${row.labels}}` : ""} ${row.value}`);
    }
  }
  for (const gauge of GAUGES) {
    try {
      const { rows: values } = await pool().query<{ labels: Record<string, string> | null; value: number }>(gauge.sql, gauge.params ?? []);
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
      for (const v of values) lines.push(`${gauge.name}${labelText(v.labels)} ${Number(v.value)}`);
    } catch {
      errors += 1;
    }
  }
  lines.push("# HELP replyflow_scrape_errors Gauges this scrape could not read.", "# TYPE replyflow_scrape_errors gauge", `replyflow_scrape_errors ${errors}`);
  return `${lines.join("\n")}\n`;
}

/** Series by name and labels, a histogram's buckets by their bound (+Inf last), as Prometheus expects. */
function bucketOrder(a: Row, b: Row): number {
  const le = (r: Row) => {
    const bound = /(?:^|,)le="([^"]+)"/.exec(r.labels)?.[1];
    return bound === undefined ? 0 : bound === "+Inf" ? Infinity : Number(bound);
  };
  const rest = (r: Row) => `${r.name}{${r.labels.replace(/(?:^|,)le="[^"]+"/, "")}}`;
  return rest(a).localeCompare(rest(b)) || le(a) - le(b);
}

const labelText = (labels: Record<string, string> | null) =>
  labels && Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`).join(",")}}` : "";

/** Each query is bounded by an index or by pg-boss's partitions of our queues. */
const GAUGES: { name: string; help: string; sql: string; params?: unknown[] }[] = [
  {
    name: "replyflow_queue_depth",
    help: "Jobs per queue and state (created, retry, active): work not done yet.",
    sql: `SELECT json_build_object('queue', name, 'state', state::text) AS labels, count(*) AS value FROM pgboss.job
          WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active') GROUP BY name, state`,
    params: [Object.values(QUEUES)],
  },
  {
    name: "replyflow_runs_active",
    help: "Runs running or waiting now.",
    sql: `SELECT json_build_object('status', s) AS labels, (SELECT count(*) FROM "Run" WHERE status = s::"RunStatus") AS value FROM unnest(ARRAY['running', 'waiting']) AS s`,
  },
  {
    name: "replyflow_waits_pending",
    help: "Pending waits by kind (reply, delay, retry).",
    sql: `SELECT json_build_object('kind', kind::text) AS labels, count(*) AS value FROM "Wait" WHERE status = 'pending' GROUP BY kind`,
  },
  {
    name: "replyflow_sends_pending",
    help: "Outbound messages not yet accepted by WhatsApp (the send outbox).",
    sql: `SELECT NULL AS labels, count(*) AS value FROM "Message" WHERE status = 'pending' AND direction = 'outbound'`,
  },
  {
    name: "replyflow_oldest_pending_send_seconds",
    help: "Age of the oldest message still in the send outbox (0 when empty).",
    sql: `SELECT NULL AS labels, COALESCE(extract(epoch FROM now() - min(at)), 0) AS value FROM "Message" WHERE status = 'pending' AND direction = 'outbound'`,
  },
];
