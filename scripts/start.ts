import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "../lib/migrate.ts";
import { ensureDatabase, startPostgres, withParentDeathSignal, type PostgresServer } from "./postgres.ts";

/**
 * `npm start`: from a fresh clone to the running app. Uses DATABASE_URL when set, else an
 * embedded Postgres under .data/; applies migrations; seeds the demo on first start; builds
 * Next.js when the build is missing or older than the sources; runs `next start` and workers.
 * START_WEB=0 runs only the database and the workers (no build, no web server): for the tests
 * of start itself.
 */
const PORT = process.env.PORT ?? "3000";
const WORKERS = Number(process.env.WORKERS ?? 1);
const WEB = process.env.START_WEB !== "0";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

const children: ChildProcess[] = [];
let database: Promise<PostgresServer> | undefined;
let stopping = false;

async function main() {
  reapOrphans();
  ensureSettingsKey();
  if (!process.env.DATABASE_URL) {
    database = startPostgres("postgres", Number(process.env.APP_PG_PORT ?? 54320));
    const server = await database;
    await ensureDatabase(server.url("postgres"), "replyflow");
    process.env.DATABASE_URL = server.url("replyflow");
    log(`embedded Postgres on ${server.url("replyflow")} (data in ${server.dataDir})`);
  } else {
    const url = new URL(process.env.DATABASE_URL);
    const database = url.pathname.slice(1);
    url.pathname = "/postgres";
    await ensureDatabase(url.toString(), database);
  }
  const applied = await applyMigrations(process.env.DATABASE_URL);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  if (process.env.SEED !== "0") await run("seed", ["--import", "tsx", "prisma/seed.ts"]);
  if (WEB && buildIsStale()) await run("build", [nextBin, "build"]);

  for (let i = 0; i < WORKERS; i++) launch(`worker ${i + 1}`, ["--import", "tsx", "jobs/worker.ts"]);
  if (WEB) launch("web", [nextBin, "start", "-p", PORT]);
  if (!stopping) log(WEB ? `app on http://localhost:${PORT} (Ctrl-C stops everything)` : "workers running, no web server (START_WEB=0)");
}

const SETTINGS_KEY_FILE = path.join(".data", "settings-key");

/**
 * The key that encrypts secrets stored on the Settings page: SETTINGS_ENCRYPTION_KEY when set,
 * else one generated on the first start and kept in .data/settings-key (readable by us alone),
 * so a newcomer can store a token without setting anything. The children inherit it.
 */
function ensureSettingsKey() {
  if (process.env.SETTINGS_ENCRYPTION_KEY) return;
  mkdirSync(".data", { recursive: true });
  try {
    // "wx": never overwrite a key another start wrote meanwhile (that would orphan its secrets).
    writeFileSync(SETTINGS_KEY_FILE, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    log(`generated SETTINGS_ENCRYPTION_KEY in ${SETTINGS_KEY_FILE} (keep it with the database: stored tokens need it)`);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  process.env.SETTINGS_ENCRYPTION_KEY = readFileSync(SETTINGS_KEY_FILE, "utf8").trim();
}

/** A step that must finish before the next (seed, build); stopped like the others on Ctrl-C. */
async function run(name: string, args: string[]) {
  if (stopping) return;
  const child = spawnNode(args);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0 && !stopping) throw new Error(`${name} failed (${code})`);
}

function launch(name: string, args: string[]) {
  if (stopping) return;
  const child = spawnNode(args);
  recordChildren();
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping everything`);
    void shutdown(1);
  });
}

/**
 * A Node child in its own process group: the terminal's Ctrl-C reaches us alone, and we stop
 * the children in order (web and workers, then the database). If we die first (kill -9), the
 * kernel sends them SIGTERM.
 */
function spawnNode(args: string[]): ChildProcess {
  const [command, argv] = withParentDeathSignal("SIGTERM", process.execPath, args);
  const child = spawn(command, argv, { stdio: "inherit", env: process.env, detached: true });
  children.push(child);
  return child;
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map(stopGroup));
  const server = await database?.catch(() => undefined);
  await server?.stop().catch(() => undefined);
  process.exit(code);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// A previous `npm start` killed hard (kill -9) where setpriv is missing leaves its server and
// workers running, holding the port: their pids are on file, and the next start stops them first.
const PID_FILE = path.join(".data", `start-${PORT}.pids`);

function recordChildren() {
  mkdirSync(".data", { recursive: true });
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null); // not the finished seed or build
  writeFileSync(PID_FILE, running.flatMap((c) => (c.pid ? [String(c.pid)] : [])).join("\n"));
}

function reapOrphans() {
  if (!existsSync(PID_FILE)) return;
  for (const pid of readFileSync(PID_FILE, "utf8").split("\n").map(Number)) {
    if (pid > 0 && isOurs(pid)) {
      log(`stopping process ${pid} left over by a previous start`);
      signalGroup(pid, "SIGKILL");
    }
  }
}

function isOurs(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("jobs/worker.ts") || cmdline.includes("next");
  } catch {
    return false;
  }
}

/** A build is stale when it is missing or any source file is newer than it. */
function buildIsStale(): boolean {
  const marker = path.join(distDir, "BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.js", "package-lock.json"];
  return sources.some((source) => newestMtime(source) > built);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry) || entry.includes("generated")) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const log = (message: string) => console.log(`[start] ${message}`);

// Handlers stay installed for the whole shutdown: a second SIGINT (a second Ctrl-C, or tsx's
// parent relaying the first one when our acknowledgement is late) must not kill us halfway,
// which would leave the database running. `once` handlers did exactly that.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
// A closed terminal or pipe (`npm start | tee`, killed by the same Ctrl-C) must not crash the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
main().catch(async (error: unknown) => {
  if (stopping) return; // a step cut short by the shutdown
  console.error("[start] failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
});
