import { errorText, log } from "../log.ts";
import { pool } from "../sql.ts";
import { GAUGES } from "./gauges.ts";
import { escapeLabel } from "./labels.ts";
import { metrics } from "./registry.ts";

type Row = { name: string; labels: string; value: number };

/** Every query of a scrape may take this long; a slow one costs its own lines, not the scrape. */
const SCRAPE_STATEMENT_MS = Number(process.env.METRICS_STATEMENT_TIMEOUT_MS ?? 2_000);

/**
 * /api/metrics in Prometheus text format: the fleet's counters and histograms (summed from the
 * rows every process adds to), then gauges read from the database at scrape time. A query that
 * fails is left out and counted in replyflow_scrape_errors; the rest still render.
 */
export async function renderMetrics(): Promise<string> {
  const lines: string[] = [];
  let errors = 0;
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      errors += 1;
      log.warn({ metric: what, err: errorText(error) }, "metrics query failed; left out of this scrape");
      return undefined;
    }
  };
  // One connection, queries one after another: a scrape never takes more than one from the engine.
  const client = await attempt("connection", () => pool().connect());
  const query = async <T extends object>(text: string, params: unknown[] = []) => {
    if (!client) throw new Error("no database connection");
    return (await client.query<T>(text, params)).rows;
  };
  try {
    if (client) await attempt("statement_timeout", () => client.query(`SET statement_timeout = ${Math.trunc(SCRAPE_STATEMENT_MS)}`));
    const rows = (await attempt("MetricCounter", () => query<Row>(`SELECT name, labels, value FROM "MetricCounter" ORDER BY name, labels`))) ?? [];
    for (const family of await metrics().registry.getMetricsAsJSON()) {
      lines.push(...header(family.name, family.help, typeName(family.type)));
      for (const row of rows.filter((r) => r.name === family.name || r.name.startsWith(`${family.name}_`)).sort(seriesOrder)) {
        lines.push(`${row.name}${row.labels ? `{${row.labels}}` : ""} ${number(row.value)}`);
      }
    }
    for (const gauge of GAUGES) {
      const values = await attempt(gauge.name, () => query<{ labels: Record<string, string> | null; value: string | number }>(gauge.sql, gauge.params));
      if (!values) continue;
      lines.push(...header(gauge.name, gauge.help, "gauge"));
      for (const v of values) lines.push(`${gauge.name}${labelText(v.labels)} ${number(Number(v.value))}`);
    }
  } finally {
    // After a failed query the connection may be broken or keep our timeout: close it rather than
    // hand it back to the engine; else reset the timeout first.
    const broken = errors > 0 || (await client?.query("RESET statement_timeout").then(() => false, () => true));
    client?.release(broken);
  }
  lines.push(...header("replyflow_scrape_errors", "Queries this scrape could not run (their metrics are left out).", "gauge"), `replyflow_scrape_errors ${errors}`);
  return `${lines.join("\n")}\n`;
}

const header = (name: string, help: string, type: string) => [`# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${name} ${type}`];

// prom-client's JSON carries the type as text ("counter"), though its typings say a numeric enum.
const typeName = (type: unknown) => (typeof type === "string" ? type : (["counter", "gauge", "histogram", "summary"][Number(type)] ?? "untyped"));

const number = (value: number) => (Number.isNaN(value) ? "NaN" : value === Infinity ? "+Inf" : value === -Infinity ? "-Inf" : String(value));

/**
 * Series grouped by name and labels, a histogram's buckets by their bound (+Inf last): Prometheus
 * wants the buckets of one series together and in increasing order.
 */
function seriesOrder(a: Row, b: Row): number {
  const le = (r: Row) => {
    const bound = /(?:^|,)le="([^"]+)"/.exec(r.labels)?.[1];
    return bound === undefined ? 0 : bound === "+Inf" ? Infinity : Number(bound);
  };
  const rest = (r: Row) => `${r.name}{${r.labels.replace(/(?:^|,)le="[^"]+"/, "")}}`;
  return rest(a).localeCompare(rest(b)) || le(a) - le(b);
}

const labelText = (labels: Record<string, string> | null) =>
  labels && Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`).join(",")}}` : "";
