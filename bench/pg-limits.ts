import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openBenchDatabase, type BenchDatabase } from "./database.ts";
import { dbClock, envNumber, log, thousands } from "./helpers.ts";
import { findPgbench, pgbench, tps } from "./pgbench.ts";
import { serverCpuSeconds } from "./server-cpu.ts";

/**
 * The limits of one Postgres primary on this machine, for docs/scaling.md: `npx tsx
 * bench/pg-limits.ts` or `npm run bench -- --pg-limits`, on the bench's embedded server (or
 * DATABASE_URL's). Multi-row INSERT and batched UPDATE rates of run-like rows, and pgbench's
 * simple-update and select-only TPS, each with 1 client and with one client per core, for
 * PG_LIMITS_SECONDS (default 10). "Per server core" divides by the CPU the server's processes
 * used (from /proc), so the client's share of the machine does not count against Postgres.
 */
type Limit = { test: string; clients: number; rate: number; unit: string; serverCores: number };

const BATCH = 1_000;
const seconds = envNumber("PG_LIMITS_SECONDS", 10);
const cores = os.cpus().length;

export async function runPgLimits(): Promise<void> {
  let database: BenchDatabase | undefined;
  let pool: pg.Pool | undefined;
  const cleanup = async () => {
    await pool?.end().catch(() => undefined);
    await database?.dispose();
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    database = await openBenchDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: cores * 2 + 2 });
    await printSettings(pool, database);
    const limits = await measure(pool, database.url);
    printLimits(limits);
    const dir = path.join(process.cwd(), "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "pg-limits.json"), `${JSON.stringify({ date: new Date().toISOString(), cores, seconds, limits }, null, 2)}\n`);
  } finally {
    await cleanup();
  }
}

async function measure(pool: pg.Pool, url: string): Promise<Limit[]> {
  await pool.query(RUN_LIKE_TABLE);
  const limits: Limit[] = [];
  const clientCounts = [...new Set([1, cores])];
  for (const clients of clientCounts) limits.push(await rowRate(pool, "INSERT … SELECT generate_series (server-made rows)", clients, insertGenerated));
  for (const clients of clientCounts) limits.push(await rowRate(pool, "multi-row INSERT … VALUES (client rows)", clients, insertValues));
  const { rows } = await pool.query<{ id: string }>("SELECT id FROM run_like LIMIT 1000000");
  const ids = rows.map((row) => row.id);
  for (const clients of clientCounts) limits.push(await rowRate(pool, "batched UPDATE … WHERE id = ANY (status, seq)", clients, updateBatch(ids, clients)));
  const binary = findPgbench();
  if (!binary) {
    log("pgbench not found (looked in the embedded package and /usr/lib/postgresql): skipping its TPS");
    return limits;
  }
  log(`pgbench: ${binary}; initialising scale 10 (1,000,000 accounts)`);
  await pgbench(binary, ["-i", "-s", "10", "-q"], url);
  for (const [builtin, label] of [["simple-update", "pgbench simple-update (1 UPDATE, 1 SELECT, 1 INSERT)"], ["select-only", "pgbench select-only"]] as const) {
    for (const clients of [...new Set([1, cores, cores * 2])]) {
      log(`${label}, ${clients} clients, ${seconds} s`);
      const before = await serverCpuSeconds(pool);
      const output = await pgbench(binary, ["-n", "-b", builtin, "-c", String(clients), "-j", String(clients), "-T", String(seconds)], url);
      limits.push({ test: label, clients, rate: tps(output), unit: "tx/s", serverCores: ((await serverCpuSeconds(pool)) - before) / seconds });
    }
  }
  return limits;
}

type Work = (client: pg.PoolClient, worker: number) => Promise<number>;

/** Runs `work` in a loop on `clients` connections for `seconds`; rows/s on the database clock. */
async function rowRate(pool: pg.Pool, test: string, clients: number, work: Work): Promise<Limit> {
  log(`${test}, ${clients} clients, ${seconds} s`);
  const connections = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
  try {
    const cpuBefore = await serverCpuSeconds(pool);
    const started = await dbClock(pool);
    const stopAt = performance.now() + seconds * 1000;
    const done = await Promise.all(connections.map(async (client, worker) => {
      let rows = 0;
      while (performance.now() < stopAt) rows += await work(client, worker);
      return rows;
    }));
    const elapsed = ((await dbClock(pool)) - started) / 1000;
    const serverCores = ((await serverCpuSeconds(pool)) - cpuBefore) / elapsed;
    return { test, clients, rate: done.reduce((a, b) => a + b, 0) / elapsed, unit: "rows/s", serverCores };
  } finally {
    for (const client of connections) client.release();
  }
}

const insertGenerated: Work = async (client) => {
  await client.query(`
    INSERT INTO run_like (id, "automationId", "versionId", "contactId", "currentNodeId")
    SELECT gen_random_uuid()::text, 'automation', 'version', gen_random_uuid()::text, 'ask' FROM generate_series(1, ${BATCH})`);
  return BATCH;
};

const VALUES_SQL = `INSERT INTO run_like (id, "automationId", "versionId", "contactId", "currentNodeId") VALUES ${Array.from(
  { length: BATCH }, (_, i) => `($${i * 3 + 1}, 'automation', 'version', $${i * 3 + 2}, $${i * 3 + 3})`).join(", ")}`;

const insertValues: Work = async (client) => {
  await client.query(VALUES_SQL, Array.from({ length: BATCH }, () => [randomUUID(), randomUUID(), "ask"]).flat());
  return BATCH;
};

/** Each client updates its own slice of the ids, BATCH at a time, round and round. */
function updateBatch(ids: string[], clients: number): Work {
  const slices = Array.from({ length: clients }, (_, i) => ids.filter((_, j) => j % clients === i));
  const cursors = new Array<number>(clients).fill(0);
  return async (client, worker) => {
    const slice = slices[worker] ?? [];
    const from = cursors[worker] ?? 0;
    const batch = slice.slice(from, from + BATCH);
    cursors[worker] = from + BATCH >= slice.length ? 0 : from + BATCH;
    const { rowCount } = await client.query(`
      UPDATE run_like SET status = CASE status WHEN 'running' THEN 'waiting' ELSE 'running' END, seq = seq + 1, "updatedAt" = now()
      WHERE id = ANY($1)`, [batch]);
    return rowCount ?? 0;
  };
}

// Shaped like "Run": text uuid keys, the same secondary indexes (status is indexed, so an update
// of it is never HOT), no foreign keys.
const RUN_LIKE_TABLE = `
  CREATE TABLE run_like (
    id text PRIMARY KEY, "automationId" text NOT NULL, "versionId" text NOT NULL, "contactId" text NOT NULL,
    status text NOT NULL DEFAULT 'running', "currentNodeId" text, seq int NOT NULL DEFAULT 0, "replyWatermark" int NOT NULL DEFAULT 0,
    "createdAt" timestamptz(3) NOT NULL DEFAULT now(), "updatedAt" timestamptz(3) NOT NULL DEFAULT now());
  CREATE INDEX ON run_like ("automationId", status);
  CREATE INDEX ON run_like ("contactId");
  CREATE INDEX ON run_like (status, "createdAt");`;

async function printSettings(pool: pg.Pool, database: BenchDatabase): Promise<void> {
  const { rows } = await pool.query<{ name: string; setting: string }>(`
    SELECT name, setting || COALESCE(' ' || unit, '') AS setting FROM pg_settings
    WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'wal_level')`);
  console.log(`\nServer (${database.server}), ${cores} cores (${os.cpus()[0]?.model ?? "unknown"}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  for (const { name, setting } of rows) console.log(`  ${name.padEnd(20)} ${setting}`);
}

function printLimits(limits: Limit[]): void {
  const rows = limits.map((l) => [
    l.test, String(l.clients), `${thousands(l.rate)} ${l.unit}`, l.serverCores.toFixed(2), `${thousands(l.rate / l.serverCores)} ${l.unit}`,
  ]);
  const header = ["test", "clients", "rate", "server cores busy", "per server core"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const row of rows) console.log(line(row));
}

if (import.meta.url === `file://${process.argv[1]}`) await runPgLimits();
