import { QUEUES } from "../queue.ts";

/** A gauge read from the database at scrape time: each row is `{labels: {...} | null, value}`. */
export type Gauge = { name: string; help: string; sql: string; params?: unknown[] };

const JOB_STATES = ["created", "retry", "active"];

/**
 * Each query reads an index (most of them a partial one over live rows only), and every label
 * value is listed even at 0, so an alert on a series never sees it vanish when its work is done.
 */
export const GAUGES: Gauge[] = [
  {
    name: "replyflow_queue_depth",
    help: "Jobs per queue and state (created, retry, active): work not done yet.",
    // pg-boss's partial index over live jobs (name, state, ...), one partition per queue.
    sql: `SELECT json_build_object('queue', q, 'state', s) AS labels, coalesce(c.n, 0) AS value
          FROM unnest($1::text[]) AS q CROSS JOIN unnest($2::pgboss.job_state[]) AS s
          LEFT JOIN (SELECT name, state, count(*) AS n FROM pgboss.job
                     WHERE name = ANY($1::text[]) AND state = ANY($2::pgboss.job_state[]) GROUP BY name, state) AS c
            ON c.name = q AND c.state = s
          ORDER BY q, s`,
    params: [Object.values(QUEUES), JOB_STATES],
  },
  {
    name: "replyflow_runs",
    help: "Runs by status. Terminal statuses grow with history: an index-only count per status.",
    sql: `SELECT json_build_object('status', s) AS labels, (SELECT count(*) FROM "Run" WHERE status = s) AS value
          FROM unnest(enum_range(NULL::"RunStatus")) AS s`,
  },
  {
    name: "replyflow_waits_pending",
    help: "Pending waits by kind (reply, delay, retry).",
    sql: `SELECT json_build_object('kind', k) AS labels, coalesce(c.n, 0) AS value
          FROM unnest(enum_range(NULL::"WaitKind")) AS k
          LEFT JOIN (SELECT kind, count(*) AS n FROM "Wait" WHERE status = 'pending' GROUP BY kind) AS c ON c.kind = k`,
  },
  {
    // Only pending: no index serves the other statuses, and a count of them would read every
    // message ever sent on each scrape. replyflow_sends_total counts what happened to sends.
    name: "replyflow_messages_outbound",
    help: "Outbound messages by status; pending only: the send outbox, not yet accepted by WhatsApp.",
    sql: `SELECT json_build_object('status', 'pending') AS labels, count(*) AS value
          FROM "Message" WHERE status = 'pending' AND direction = 'outbound'`,
  },
  {
    name: "replyflow_oldest_pending_send_seconds",
    help: "Age of the oldest message still in the send outbox (0 when empty).",
    sql: `SELECT NULL AS labels, coalesce(extract(epoch FROM clock_timestamp() - min(at)), 0) AS value
          FROM "Message" WHERE status = 'pending' AND direction = 'outbound'`,
  },
];
