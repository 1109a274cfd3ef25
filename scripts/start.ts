import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "../lib/migrate.ts";
import { ensureDatabase, startPostgres } from "./postgres.ts";

/**
 * `npm start`: from a fresh clone to the running app. Uses DATABASE_URL when set, else an
 * embedded Postgres under .data/; applies migrations; seeds the demo on first start; builds
 * Next.js when the build is missing or older than the sources; runs `next start` and workers.
 */
const PORT = process.env.PORT ?? "3000";
const WORKERS = Number(process.env.WORKERS ?? 1);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

const children: ChildProcess[] = [];
let stopDatabase = async () => {};
let stopping = false;

async function main() {
  reapOrphans();
  if (!process.env.DATABASE_URL) {
    const server = await startPostgres("postgres", Number(process.env.APP_PG_PORT ?? 54320));
    stopDatabase = server.stop;
    await ensureDatabase(server.url("postgres"), "replyflow");
    process.env.DATABASE_URL = server.url("replyflow");
    log(`embedded Postgres on ${server.url("replyflow")}`);
  } else {
    const url = new URL(process.env.DATABASE_URL);
    const database = url.pathname.slice(1);
    url.pathname = "/postgres";
    await ensureDatabase(url.toString(), database);
  }
  const applied = await applyMigrations(process.env.DATABASE_URL);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  if (process.env.SEED !== "0") run("tsx", ["prisma/seed.ts"]);
  if (buildIsStale()) run("next", ["build"]);

  for (let i = 0; i < WORKERS; i++) launch(`worker ${i + 1}`, process.execPath, ["--import", "tsx", "jobs/worker.ts"]);
  launch("web", process.execPath, [nextBin, "start", "-p", PORT]);
  log(`app on http://localhost:${PORT} (Ctrl-C stops everything)`);
}

function run(command: string, args: string[]) {
  const result = spawnSync("npx", [command, ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function launch(name: string, command: string, args: string[]) {
  // Own process group, so stopping it also stops what it spawned (next-server).
  const child = spawn(command, args, { stdio: "inherit", env: process.env, detached: true });
  children.push(child);
  recordChildren();
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping everything`);
    void shutdown(1);
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map(stopGroup));
  await stopDatabase().catch(() => undefined);
  process.exit(code);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
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

// A previous `npm start` killed hard (kill -9) leaves its server and workers running, holding
// the port: their pids are on file, and the next start stops them first.
const PID_FILE = path.join(".data", `start-${PORT}.pids`);

function recordChildren() {
  mkdirSync(".data", { recursive: true });
  writeFileSync(PID_FILE, children.flatMap((c) => (c.pid ? [String(c.pid)] : [])).join("\n"));
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

process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error("[start] failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
});
