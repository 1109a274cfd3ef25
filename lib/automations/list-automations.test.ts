import { afterAll, beforeAll, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { db } from "../db.ts";
import { listAutomations as listAutomationsUnscoped } from "./list-automations.ts";
import { inWorkspace } from "../auth/scope.ts";

const listAutomations = inWorkspace("default", listAutomationsUnscoped);

/** The automations list against a real Postgres: keyset pages on (updatedAt, id), no graphs. */

let expected: string[] = [];

beforeAll(async () => {
  await createTestDatabase("automations_list");
  // 23 automations; ten of them share one updatedAt (saved in the same millisecond).
  await db().$executeRawUnsafe(`
    INSERT INTO "Automation" (id, "workspaceId", name, "draftGraph", "updatedAt")
    SELECT 'auto' || g, 'default', 'Automation ' || g, '{"nodes":[],"edges":[]}',
      CASE WHEN g <= 10 THEN '2026-11-20T10:00:00Z'::timestamptz ELSE '2026-11-20T10:00:00Z'::timestamptz - g * interval '1 second' END
    FROM generate_series(1, 23) g;
    INSERT INTO "AutomationVersion" (id, "automationId", version, graph)
    SELECT 'ver' || g || '-' || v, 'auto' || g, v, '{"nodes":[],"edges":[]}' FROM generate_series(1, 3) g, generate_series(1, g) v;`);
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Automation" ORDER BY "updatedAt" DESC, id DESC`);
  expected = rows.map((r) => r.id);
});

afterAll(() => db().$disconnect());

it("pages through every automation once, most recently edited first", async () => {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listAutomations({ limit: "5", ...(cursor ? { cursor } : {}) });
    ids.push(...page.automations.map((a) => a.id));
    if (page.nextCursor === null) break;
    expect(page.automations).toHaveLength(5);
    cursor = page.nextCursor;
  }
  expect(ids).toEqual(expected);
});

it("lists summaries with the latest published version, not the graph", async () => {
  const { automations, nextCursor } = await listAutomations();
  expect(nextCursor).toBeNull();
  expect(automations).toHaveLength(23);
  const third = automations.find((a) => a.id === "auto3");
  expect(third).toEqual({ id: "auto3", name: "Automation 3", publishedVersion: 3, createdAt: expect.any(String), updatedAt: "2026-11-20T10:00:00.000Z" });
  expect(automations.find((a) => a.id === "auto23")?.publishedVersion).toBeNull();
  for (const automation of automations) expect(Object.keys(automation).sort()).toEqual(["createdAt", "id", "name", "publishedVersion", "updatedAt"]);
});

it("refuses a malformed cursor or limit", async () => {
  await expect(listAutomations({ cursor: "bogus!" })).rejects.toThrow(ZodError);
  await expect(listAutomations({ limit: "201" })).rejects.toThrow(ZodError);
  await expect(listAutomations({ limit: "0" })).rejects.toThrow(ZodError);
});
