import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { inWorkspace } from "../auth/scope.ts";
import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { countRuns as countRunsUnscoped, countRunsQuery } from "./count-runs.ts";
import { listRuns as listRunsUnscoped, listRunsQuery } from "./list-runs.ts";
import { escapeLike, runFilterWhere } from "./run-filters.ts";

const listRuns = inWorkspace("default", listRunsUnscoped);
const countRuns = inWorkspace("default", countRunsUnscoped);

/**
 * The filters the list, the counts and the bulk share, against a real Postgres: each filter and
 * combination gives exactly the runs a plain reading of it expects (never simulator runs, nor
 * another workspace's), the counts agree with the list, and hostile search text is only text.
 */

type Row = { id: string; automationId: string; version: number; status: string; currentNodeId: string; phone: string; name: string | null; test: boolean; workspaceId: string; createdAt: Date };

// Names with the characters LIKE and regular expressions treat specially.
const names = ["Grace Hopper", "Alan Turing", "50% Off_Promo", "Back\\slash", "O'Brien", null, "grace kelly"];
let rows: Row[] = [];

beforeAll(async () => {
  await createTestDatabase("run_filters");
  await db().$executeRawUnsafe(`
    INSERT INTO "Workspace" (id, name) VALUES ('other', 'Other') ON CONFLICT DO NOTHING;
    INSERT INTO "Automation" (id, "workspaceId", name, "draftGraph", "updatedAt")
      SELECT 'auto' || a, 'default', 'Automation ' || a, '{"nodes":[],"edges":[]}', now() FROM generate_series(1, 2) a;
    INSERT INTO "AutomationVersion" (id, "automationId", version, graph)
      SELECT 'auto' || a || 'v' || v, 'auto' || a, v, '{"nodes":[],"edges":[]}' FROM generate_series(1, 2) a, generate_series(1, 2) v;
    INSERT INTO "Contact" (id, "workspaceId", phone, name)
      SELECT 'contact' || c, CASE WHEN c = 7 THEN 'other' ELSE 'default' END, '+3933312300' || c, (ARRAY[${names.map((n) => (n === null ? "NULL" : `'${n.replace(/'/g, "''")}'`)).join(",")}])[c]
      FROM generate_series(1, 7) c;
    INSERT INTO "Run" (id, "workspaceId", "automationId", "versionId", "contactId", status, "currentNodeId", test, "createdAt", "updatedAt")
      SELECT 'run' || g, CASE WHEN g % 7 = 6 THEN 'other' ELSE 'default' END, 'auto' || (1 + g % 2), 'auto' || (1 + g % 2) || 'v' || (1 + (g / 2) % 2), 'contact' || (1 + g % 7),
        (ARRAY['running','waiting','completed','failed','cancelled'])[1 + g % 5]::"RunStatus", (ARRAY['ask','wait','done'])[1 + g % 3], g % 11 = 0,
        '2026-11-01T00:00:00Z'::timestamptz + g * interval '1 hour', now()
      FROM generate_series(1, 300) g;`);
  rows = await db().$queryRawUnsafe<Row[]>(`
    SELECT r.id, r."automationId", v.version, r.status::text AS status, r."currentNodeId", c.phone, c.name, r.test, r."workspaceId", r."createdAt"
    FROM "Run" r JOIN "Contact" c ON c.id = r."contactId" JOIN "AutomationVersion" v ON v.id = r."versionId"
    ORDER BY r."createdAt" DESC, r.id DESC`);
});

afterAll(() => db().$disconnect());

type Filters = Record<string, string>;

/** What a person reading the filter expects, computed here without SQL. */
function expected(filters: Filters): Row[] {
  const q = filters.q?.toLowerCase();
  const digits = filters.q?.replace(/[\s().-]/g, "");
  return rows.filter(
    (r) =>
      r.workspaceId === "default" &&
      !r.test &&
      (!filters.automationId || r.automationId === filters.automationId) &&
      (!filters.version || r.version === Number(filters.version)) &&
      (!filters.nodeId || (r.currentNodeId === filters.nodeId && ["running", "waiting"].includes(r.status))) &&
      (!filters.status || r.status === filters.status) &&
      (!q || (r.name ?? "").toLowerCase().includes(q) || (/^\+?\d+$/.test(digits ?? "") && r.phone.includes(digits ?? ""))) &&
      (!filters.startedAfter || r.createdAt >= new Date(filters.startedAfter)) &&
      (!filters.startedBefore || r.createdAt < new Date(filters.startedBefore)),
  );
}

async function allIds(filters: Filters): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { runs: { id: string }[]; nextCursor: string | null } = await listRuns(listRunsQuery.parse({ ...filters, limit: "40", ...(cursor ? { cursor } : {}) }));
    ids.push(...page.runs.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const cases: Filters[] = [
  {},
  { automationId: "auto1" },
  { automationId: "auto2", version: "2" },
  { automationId: "auto1", version: "1", nodeId: "wait" },
  { nodeId: "ask" },
  { nodeId: "done" },
  { status: "failed" },
  { automationId: "auto2", status: "waiting", nodeId: "wait" },
  { q: "grace" },
  { q: "GRACE hop" },
  { q: "1230 03" },
  { q: "+39 333-123" },
  { q: "50%" },
  { q: "%" },
  { q: "_" },
  { q: "off_promo" },
  { q: "\\" },
  { q: "o'brien" },
  { startedAfter: "2026-11-05T00:00:00Z" },
  { startedAfter: "2026-11-03", startedBefore: "2026-11-06T12:00:00+01:00" },
  { automationId: "auto1", q: "turing", startedBefore: "2026-11-10" },
];

describe("runFilterWhere", () => {
  it.each(cases)("%j: the list gives exactly the matching runs, newest first, and the counts agree", async (filters) => {
    const want = expected(filters);
    expect(await allIds(filters)).toEqual(want.map((r) => r.id));
    const { status: _status, ...countFilters } = filters;
    const counts = await countRuns(countRunsQuery.parse(countFilters));
    const unfiltered = expected(countFilters);
    expect(counts.total).toBe(unfiltered.length);
    for (const status of ["running", "waiting", "completed", "failed", "cancelled"] as const) {
      expect(counts.byStatus[status], status).toBe(unfiltered.filter((r) => r.status === status).length);
    }
  });

  it("never lists simulator runs nor another workspace's", async () => {
    const ids = new Set(await allIds({}));
    expect(rows.some((r) => r.test)).toBe(true);
    for (const r of rows) if (r.test || r.workspaceId !== "default") expect(ids.has(r.id)).toBe(false);
  });

  it("treats search text as text: LIKE wildcards are escaped, quotes are bound, no regular expression", async () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    const sql = runFilterWhere("default", { q: "'; DROP TABLE \"Run\"; --" });
    expect(sql.sql).not.toContain("DROP");
    expect(sql.sql).not.toMatch(/~|SIMILAR|regexp/i);
    expect(await allIds({ q: "'; DROP TABLE \"Run\"; --" })).toEqual([]);
    expect(await db().run.count()).toBe(rows.length);
  });

  it("stays fast on hostile text of the largest size", async () => {
    const hostile = ["%".repeat(100), "_%".repeat(50), "(a+)+$".repeat(16), "\\".repeat(100), "a".repeat(99) + "!"];
    for (const q of hostile) {
      const started = performance.now();
      await allIds({ q });
      await countRuns(countRunsQuery.parse({ q }));
      expect(performance.now() - started, q).toBeLessThan(1000);
    }
  });
});

describe("the filters' schema", () => {
  const issues = (input: Record<string, unknown>) => {
    const parsed = listRunsQuery.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
  };

  it("takes a version only with its automation, as a whole number", () => {
    expect(issues({ version: "2" })).toEqual(["version"]);
    expect(issues({ automationId: "auto1", version: "two" })).toContain("version");
    expect(issues({ automationId: "auto1", version: "0" })).toContain("version");
    expect(listRunsQuery.parse({ automationId: "auto1", version: "2" }).version).toBe(2);
  });

  it("takes instants or days, in order, and bounds the search", () => {
    expect(issues({ startedAfter: "yesterday" })).toEqual(["startedAfter"]);
    expect(issues({ startedAfter: "2026-11-05", startedBefore: "2026-11-04" })).toEqual(["startedBefore"]);
    expect(listRunsQuery.parse({ startedAfter: "2026-11-05" }).startedAfter?.toISOString()).toBe("2026-11-05T00:00:00.000Z");
    expect(issues({ q: "x".repeat(101) })).toEqual(["q"]);
    expect(issues({ status: "paused" })).toEqual(["status"]);
  });

  it("reads the runs of one workspace in SQL the list and the bulk share", () => {
    const sql = runFilterWhere("default", { automationId: "auto1", version: 1, nodeId: "wait" }, [Prisma.sql`r.status IN ('running', 'waiting')`]);
    expect(sql.sql).toMatch(/r\."workspaceId" = \? AND NOT r\.test/);
    expect(sql.values).toEqual(["default", "auto1", "auto1", 1, "wait"]);
  });
});
