import { randomBytes } from "node:crypto";
import pg from "pg";
import { inWorkspace } from "../lib/auth/scope.ts";
import { db } from "../lib/db.ts";
import { applyMigrations } from "../lib/migrate.ts";
import { countRuns, countRunsQuery } from "../lib/runs/count-runs.ts";
import { listRuns, listRunsQuery } from "../lib/runs/list-runs.ts";
import { testPostgres } from "../scripts/test-postgres.ts";
import { envNumber, log, percentile, thousands } from "./helpers.ts";

/**
 * The runs console at scale (issue 9): 1,000,000 runs in the database, then the first page of
 * the list and the per-status counts, through the very functions GET /api/runs and
 * GET /api/runs/counts call, p50/p95 per filter, beside a plain `SELECT count(*) FROM "Run"`
 * of the same run. Run it with `npx tsx bench/runs-console.ts` (bench/README.md).
 */

const RUNS = envNumber("BENCH_CONSOLE_RUNS", 1_000_000);
const CONTACTS = envNumber("BENCH_CONSOLE_CONTACTS", 250_000);
const SAMPLES = envNumber("BENCH_CONSOLE_SAMPLES", 25);
const PAGE = 50; // the console's page size
const GOAL_MS = 300;
const WORKSPACE = "default";


type Scenario = { name: string; filters: Record<string, string> };

/** `BENCH_CONSOLE_DATABASE=<name>`: seed that database once and keep it, to measure again quickly. */
const KEPT = process.env.BENCH_CONSOLE_DATABASE;

async function main() {
  const server = await testPostgres();
  const name = KEPT ?? `bench_console_${randomBytes(4).toString("hex")}`;
  const serverPool = new pg.Pool({ connectionString: server.url, max: 1 });
  const exists = (await serverPool.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  if (!exists) await serverPool.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    await applyMigrations(url.toString());
    if (!exists) await seed(pool);
    else log(`reusing ${name}: ${thousands(Number((await pool.query(`SELECT count(*) FROM "Run"`)).rows[0].count))} runs`);
    const scenarios = await pickScenarios(pool);
    const rows = await measureAll(pool, scenarios, "the migrations' indexes");
    print(rows);
  } finally {
    await pool.end();
    await db().$disconnect();
    if (!KEPT) await serverPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await serverPool.end();
    await server.stop();
  }
}

/**
 * 3 automations with 3, 2 and 1 published versions of a reply-or-remind graph, CONTACTS contacts,
 * RUNS runs over 90 days (busier lately), statuses mixed as a live shop has them, a pending wait
 * for each waiting run, and a few simulator runs the console must leave out. All in set-based SQL.
 */
async function seed(pool: pg.Pool) {
  const graph = JSON.stringify({
    nodes: ["trigger:start", "sendMessage:ask", "customerResponse:wait", "sendMessage:thanks", "sendMessage:remind", "end:done"].map((spec, i) => {
      const [type, id] = spec.split(":");
      return { id, type, position: { x: 0, y: i * 120 }, data: type === "sendMessage" ? { text: `Message ${id}` } : type === "customerResponse" ? { timeout: { amount: 1, unit: "days" } } : {} };
    }),
    edges: [],
  });
  await timed("automations and versions", () =>
    pool.query(`
      INSERT INTO "Automation" (id, "workspaceId", name, "draftGraph", "updatedAt")
        SELECT 'auto' || a, '${WORKSPACE}', 'Bench automation ' || a, $1::jsonb, now() FROM generate_series(1, 3) a;
      INSERT INTO "AutomationVersion" (id, "automationId", version, graph, "createdAt")
        SELECT 'auto' || a || 'v' || v, 'auto' || a, v, $1::jsonb, now() - (10 - v) * interval '10 days'
        FROM generate_series(1, 3) a, generate_series(1, 4 - a) v;`.replace(/\$1/g, `'${graph}'`)),
  );
  await timed(`${thousands(CONTACTS)} contacts`, () =>
    pool.query(`
      INSERT INTO "Contact" (id, "workspaceId", phone, name, "createdAt")
      SELECT 'c' || g, '${WORKSPACE}', '+39333' || lpad(g::text, 7, '0'),
        (ARRAY['Giulia','Marco','Sofia','Luca','Chiara','Matteo','Anna','Paolo','Elena','Ada'])[1 + g % 10] || ' ' ||
        (ARRAY['Rossi','Bianchi','Ferrari','Esposito','Romano','Colombo','Ricci','Marino','Greco','Lovelace'])[1 + (g / 10) % 10] || ' ' || g,
        now() - random() * interval '120 days'
      FROM generate_series(1, ${CONTACTS}) g`),
  );
  const chunk = 250_000;
  for (let from = 1; from <= RUNS; from += chunk) {
    const to = Math.min(RUNS, from + chunk - 1);
    await timed(`runs ${thousands(from)}..${thousands(to)}`, () =>
      pool.query(`
        INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", status, "currentNodeId", seq, test, "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, '${WORKSPACE}', 'auto' || a, 'auto' || a || 'v' || (1 + (g / 7) % (4 - a)), 'c' || (1 + g % ${CONTACTS}),
          s::"RunStatus", CASE s WHEN 'waiting' THEN 'wait' WHEN 'running' THEN 'ask' WHEN 'completed' THEN 'done' WHEN 'failed' THEN 'ask' ELSE 'wait' END,
          4, g % 5000 = 0, t, t + interval '5 minutes'
        FROM (
          SELECT g, 1 + (g % 10) / 5 + (g % 10) / 9 AS a,
            CASE WHEN r < 0.12 THEN 'waiting' WHEN r < 0.13 THEN 'running' WHEN r < 0.85 THEN 'completed' WHEN r < 0.90 THEN 'failed' ELSE 'cancelled' END AS s,
            -- sqrt skews towards now: recent days hold more runs than old ones
            now() - (1 - sqrt(random())) * interval '90 days' AS t
          FROM (SELECT g, random() AS r FROM generate_series(${from}, ${to}) g) x
        ) y`),
    );
  }
  await timed("pending waits of the waiting runs", () =>
    pool.query(`
      INSERT INTO "Wait" (id, "runId", "contactId", "nodeId", "runSeq", kind, status, "timeoutAt", "createdAt")
      SELECT gen_random_uuid()::text, id, "contactId", 'wait', seq, 'reply', 'pending', "createdAt" + interval '1 day', "createdAt"
      FROM "Run" WHERE status = 'waiting'`),
  );
  await timed("VACUUM ANALYZE", () => pool.query(`VACUUM ANALYZE`));
}

/** The filters measured; the phone and name searched are ones the seed holds. */
async function pickScenarios(pool: pg.Pool): Promise<Scenario[]> {
  const { rows } = await pool.query<{ phone: string }>(`SELECT phone FROM "Contact" WHERE id = 'c12345'`);
  const phone = rows[0]?.phone ?? "+393330012345";
  return [
    { name: "unfiltered", filters: {} },
    { name: "automation + version + step", filters: { automationId: "auto1", version: "2", nodeId: "wait" } },
    { name: "status waiting", filters: { status: "waiting" } },
    { name: "status failed, automation", filters: { automationId: "auto2", status: "failed" } },
    { name: "search: partial phone", filters: { q: phone.slice(-7, -1) } },
    { name: "search: name", filters: { q: "lovelace 1234" } },
    { name: "started between (7 days)", filters: { startedAfter: new Date(Date.now() - 14 * 86_400_000).toISOString(), startedBefore: new Date(Date.now() - 7 * 86_400_000).toISOString() } },
  ];
}

type Row = { phase: string; scenario: string; what: string; p50: number; p95: number; matching?: number };

async function measureAll(pool: pg.Pool, scenarios: Scenario[], phase: string): Promise<Row[]> {
  log(`measuring (${phase}), ${SAMPLES} samples each`);
  const rows: Row[] = [];
  const list = inWorkspace(WORKSPACE, listRuns);
  const counts = inWorkspace(WORKSPACE, countRuns);
  rows.push({ phase, scenario: "yardstick", what: 'SELECT count(*) FROM "Run"', ...(await sample(() => pool.query(`SELECT count(*) FROM "Run"`))) });
  for (const scenario of scenarios) {
    const listQuery = listRunsQuery.parse({ ...scenario.filters, limit: String(PAGE) });
    const countQuery = countRunsQuery.parse(scenario.filters);
    const answer = await counts(countQuery);
    rows.push({ phase, scenario: scenario.name, what: "list: first page", ...(await sample(() => list(listQuery))) });
    rows.push({ phase, scenario: scenario.name, what: "counts", matching: answer.total, ...(await sample(() => counts(countQuery))) });
  }
  return rows;
}

/** p50/p95 of SAMPLES timed calls, after one warm-up call. */
async function sample(call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await call();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function print(rows: Row[]) {
  const yardsticks = new Map(rows.filter((r) => r.scenario === "yardstick").map((r) => [r.phase, r]));
  console.log(`\nRuns console, ${thousands(RUNS)} runs, ${thousands(CONTACTS)} contacts; goal: p95 < ${GOAL_MS} ms`);
  console.log(["phase", "scenario", "query", "matching", "p50 ms", "p95 ms", "yardstick p50/p95", "goal"].join(" | "));
  for (const row of rows) {
    const yardstick = yardsticks.get(row.phase);
    const cells = [
      row.phase,
      row.scenario,
      row.what,
      row.matching === undefined ? "" : thousands(row.matching),
      row.p50.toFixed(1),
      row.p95.toFixed(1),
      yardstick ? `${yardstick.p50.toFixed(1)} / ${yardstick.p95.toFixed(1)}` : "",
      row.scenario === "yardstick" ? "" : row.p95 < GOAL_MS ? "ok" : "MISSED",
    ];
    console.log(cells.join(" | "));
  }
}

await main();
