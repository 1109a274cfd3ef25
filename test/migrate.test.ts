import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../lib/db.ts";
import { applyMigrations } from "../lib/migrate.ts";
import { testServerUrl, withDatabase } from "./helpers/database.ts";

// These tests create their own empty databases (not clones of the migrated template): what is
// under test is migrating from nothing, as a first `npm start` on a new machine does.

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const created: string[] = [];
const tempDirs: string[] = [];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A brand-new, empty database; dropped in afterAll. */
async function emptyDatabase(): Promise<string> {
  const name = `migrate_${randomBytes(6).toString("hex")}`;
  await withClient(testServerUrl(), (c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return withDatabase(testServerUrl(), name);
}

async function recorded(url: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  });
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
      `"${table}"`,
    ]);
    return rows[0]?.exists ?? false;
  });
}

/** A migrations folder of our own: `{ name: sql }`, one subfolder per migration. */
async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "replyflow-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function projectMigrations(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(MIGRATIONS, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: sha256(await readFile(path.join(MIGRATIONS, name, "migration.sql"), "utf8")),
    })),
  );
}

afterAll(async () => {
  await withClient(testServerUrl(), async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("applyMigrations on the project's migrations", () => {
  it("migrates an empty database, records each migration, and the Prisma client works on it", async () => {
    const url = await emptyDatabase();
    const expected = await projectMigrations();
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(expected.map((m) => m.name));

    const rows = await recorded(url);
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);

    const db = createDb(url, 2);
    try {
      const automation = await db.automation.create({
        data: { workspaceId: "default", name: "Welcome", draftGraph: { nodes: [], edges: [] } },
      });
      const contact = await db.contact.create({ data: { workspaceId: "default", phone: "+393331234567", name: "Giulia" } });
      await db.message.create({
        data: { workspaceId: "default", contactId: contact.id, direction: "inbound", text: "Ciao", contactSeq: 1 },
      });

      expect(await db.automation.findUniqueOrThrow({ where: { id: automation.id }, include: { workspace: true } })).toMatchObject({
        name: "Welcome",
        draftGraph: { nodes: [], edges: [] },
        workspace: { id: "default" },
      });
      expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, include: { messages: true } })).toMatchObject({
        phone: "+393331234567",
        messages: [{ direction: "inbound", text: "Ciao", channel: "sandbox", contactSeq: 1 }],
      });
    } finally {
      await db.$disconnect();
    }

    // Second run: nothing pending, nothing recorded twice, data untouched.
    expect(await applyMigrations(url)).toEqual([]);
    expect(await recorded(url)).toHaveLength(expected.length);
    const count = await withClient(url, (c) => c.query<{ n: string }>(`SELECT count(*) AS n FROM "Automation"`));
    expect(count.rows[0]?.n).toBe("1");
  });

  it("two concurrent runs on a fresh database both succeed and apply each migration once", async () => {
    const url = await emptyDatabase();
    const expected = (await projectMigrations()).map((m) => m.name);

    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);

    expect(results.map((r) => r.length).sort()).toEqual([0, expected.length]);
    expect(results.flat()).toEqual(expected);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(expected);
  });
});

describe("applyMigrations on a migrations folder of its own", () => {
  it("a failing migration is rolled back whole and not recorded; the ones before it stay", async () => {
    const url = await emptyDatabase();
    const first = `CREATE TABLE "first_table" ("id" INTEGER PRIMARY KEY);`;
    const dir = await migrationsDir({
      "001_first": first,
      "002_broken": `CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "first_table" VALUES (1);\nSELECT 1 / 0;`,
    });

    await expect(applyMigrations(url, dir)).rejects.toThrow(/002_broken failed and was rolled back.*division by zero/);

    expect((await recorded(url)).map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual([
      { name: "001_first", checksum: sha256(first) },
    ]);
    expect(await tableExists(url, "first_table")).toBe(true);
    expect(await tableExists(url, "half_done")).toBe(false);
    const rows = await withClient(url, (c) => c.query(`SELECT * FROM "first_table"`));
    expect(rows.rowCount).toBe(0);

    // Fixed, it applies on the next run, and only it.
    await writeFile(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);`);
    expect(await applyMigrations(url, dir)).toEqual(["002_broken"]);
    expect(await tableExists(url, "half_done")).toBe(true);
  });

  it("refuses a migration edited after it was applied, and applies nothing after it", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "001_first": `CREATE TABLE "first_table" ("id" INTEGER);` });
    expect(await applyMigrations(url, dir)).toEqual(["001_first"]);

    await writeFile(path.join(dir, "001_first", "migration.sql"), `CREATE TABLE "first_table" ("id" BIGINT);`);
    await mkdir(path.join(dir, "002_second"));
    await writeFile(path.join(dir, "002_second", "migration.sql"), `CREATE TABLE "second_table" ("id" INTEGER);`);

    await expect(applyMigrations(url, dir)).rejects.toThrow("Migration 001_first was edited after it was applied");
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(["001_first"]);
    expect(await tableExists(url, "second_table")).toBe(false);
  });

  it("applies migrations in name order, not in the order the folder lists them", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({
      "002_uses_first": `ALTER TABLE "first_table" ADD COLUMN "note" TEXT;`,
      "001_first": `CREATE TABLE "first_table" ("id" INTEGER);`,
    });
    expect(await applyMigrations(url, dir)).toEqual(["001_first", "002_uses_first"]);
  });
});
