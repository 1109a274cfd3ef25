import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { listRuns as listRunsUnscoped, listRunsQuery, runPageSql, runStatuses } from "./list-runs.ts";
import { inWorkspace } from "../auth/scope.ts";

const listRuns = inWorkspace("default", listRunsUnscoped);

/**
 * The runs list against a real Postgres: keyset pages cover every run exactly once, in order, also
 * across a bulk start whose runs share one createdAt, and each filter reads an index in order.
 * Rows are inserted with SQL: the list only reads, so no engine or worker is involved.
 */

const bulkAt = "2026-11-20T10:00:00.000Z";
type Row = { id: string; automationId: string; status: string; phone: string; createdAt: string };
let rows: Row[] = [];

beforeAll(async () => {
  await createTestDatabase("runs_list");
  await db().$executeRawUnsafe(`
    INSERT INTO "Automation" (id, "workspaceId", name, "draftGraph", "updatedAt")
      SELECT 'auto' || a, 'default', 'Automation ' || a, '{"nodes":[],"edges":[]}', now() FROM generate_series(1, 2) a;
    INSERT INTO "AutomationVersion" (id, "automationId", version, graph)
      SELECT 'ver' || a, 'auto' || a, 1, '{"nodes":[],"edges":[]}' FROM generate_series(1, 2) a;
    INSERT INTO "Contact" (id, "workspaceId", phone) SELECT 'contact' || c, 'default', '+3933300000' || c FROM generate_series(1, 5) c;`);
  await insertRuns(
    // 60 runs of one bulk start share a createdAt; 77 more, one millisecond apart.
    `SELECT g, '${bulkAt}'::timestamptz FROM generate_series(1, 60) g
     UNION ALL SELECT g, '${bulkAt}'::timestamptz - g * interval '1 millisecond' FROM generate_series(61, 137) g`,
  );
  rows = await allRuns();
});

afterAll(() => db().$disconnect());

/** Inserts runs from `select` (columns: g, createdAt), spread over automations, statuses and contacts. */
async function insertRuns(select: string) {
  await db().$executeRawUnsafe(`
    INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", status, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'default', 'auto' || (1 + g % 2), 'ver' || (1 + g % 2), 'contact' || (1 + g % 5),
      (ARRAY['running','waiting','completed','failed','cancelled'])[1 + g % 5]::"RunStatus", t, t
    FROM (${select}) AS s(g, t)`);
}

/** Every run with what the filters look at, in the list's order (the expected answer). */
const allRuns = () =>
  db().$queryRawUnsafe<Row[]>(`
    SELECT r.id, r."automationId", r.status::text AS status, c.phone, to_char(r."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
    FROM "Run" r JOIN "Contact" c ON c.id = r."contactId" ORDER BY r."createdAt" DESC, r.id DESC`);

/** Follows the cursors to the end; returns the ids in the order the pages gave them. */
async function pageThrough(filters: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listRuns(listRunsQuery.parse({ ...filters, limit: String(limit), ...(cursor ? { cursor } : {}) }));
    expect(page.runs.length).toBeLessThanOrEqual(limit);
    ids.push(...page.runs.map((r) => r.id));
    cursor = page.nextCursor;
    if (cursor === null) return ids;
    expect(page.runs).toHaveLength(limit);
  }
  throw new Error("the cursors never ended");
}

describe("listRuns pages", () => {
  it("cover every run once, newest first, through a bulk start sharing one createdAt", async () => {
    expect(await pageThrough({}, 7)).toEqual(rows.map((r) => r.id));
    expect(await pageThrough({}, 200)).toEqual(rows.map((r) => r.id));
  });

  it("give the summary fields and the newest run first", async () => {
    const page = await listRuns(listRunsQuery.parse({ limit: "3" }));
    expect(page.runs.map((r) => r.id)).toEqual(rows.slice(0, 3).map((r) => r.id));
    expect(page.runs[0]).toMatchObject({ automationId: rows[0]?.automationId, status: rows[0]?.status, phone: rows[0]?.phone, createdAt: bulkAt });
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(page.serverTime).toEqual(expect.any(String));
  });

  it("are not shifted by runs started while someone pages", async () => {
    const first = await listRuns(listRunsQuery.parse({ limit: "10" }));
    await insertRuns(`SELECT g, now() FROM generate_series(1000, 1004) g`);
    const second = await listRuns(listRunsQuery.parse({ limit: "10", cursor: first.nextCursor }));
    expect(second.runs.map((r) => r.id)).toEqual(rows.slice(10, 20).map((r) => r.id));
    await db().$executeRawUnsafe(`DELETE FROM "Run" WHERE "createdAt" > '${bulkAt}'`);
  });

  it.each<Partial<Record<"automationId" | "status" | "phone", string>>>([
    { automationId: "auto1" },
    { status: "waiting" },
    { automationId: "auto2", status: "failed" },
    { phone: "+39333000003" },
    { phone: "00000" },
    { automationId: "auto1", status: "cancelled", phone: "+39333000002" },
    { automationId: "no-such-automation" },
    { phone: "%" },
  ])("with filters %j give exactly the matching runs, in order", async (filters) => {
    const expected = rows.filter(
      (r) =>
        (!filters.automationId || r.automationId === filters.automationId) &&
        (!filters.status || r.status === filters.status) &&
        (!filters.phone || r.phone.includes(filters.phone)),
    );
    expect(await pageThrough(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), 4)).toEqual(expected.map((r) => r.id));
  });
});

describe("listRuns queries", () => {
  const cursor = { at: new Date(bulkAt), id: "8" };
  const combinations = [{}, { automationId: "auto1" }, { status: "waiting" as const }, { automationId: "auto1", status: "waiting" as const }];

  // With sorting disabled, a plan that still sorts has no index to read the order from.
  it.each(combinations.flatMap((filters) => [filters, { ...filters, cursor }]))("%j reads an index in order, no sort", async (filters) => {
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const page = await inWorkspace("default", async () => runPageSql({ limit: 50, ...filters }))();
      const lines = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${page}`);
      return lines.map((line) => line["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index (Only )?Scan using "Run_\w+_idx"/);
    expect(plan).not.toMatch(/Sort|Disabled/);
    if ("cursor" in filters) expect(plan).toMatch(/Index Cond: .*ROW\("createdAt", id\) </);
  });

  it("knows every status the list filters by", () => {
    expect([...runStatuses]).toEqual(["running", "waiting", "completed", "failed", "cancelled"]);
  });
});
