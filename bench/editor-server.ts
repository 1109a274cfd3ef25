import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";
import { startPostgres, withParentDeathSignal, type PostgresServer } from "../scripts/postgres.ts";
import { log, sleep } from "./editor-report.ts";

export type EditorApp = { url: string; stop: () => Promise<void> };

const DATABASE = "replyflow_bench_editor";
/** Its own embedded server and build folder: an e2e run or `npm run bench` beside it is left alone. */
const EMBEDDED = { name: "bench-editor-postgres", port: Number(process.env.BENCH_EDITOR_PG_PORT ?? 54343) };
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const READY_TIMEOUT_MS = 15 * 60_000; // a cold `next build` on two cores takes minutes

/**
 * The app as e2e starts it (scripts/e2e-server.ts): a fresh database, then exactly `npm start`
 * (scripts/start.ts: migrations, a build when stale, `next start`), here without workers or seed
 * (the editor needs neither), on a free port. DATABASE_URL's server when set, else an embedded one.
 */
export async function startEditorApp(): Promise<EditorApp> {
  const embedded: PostgresServer | undefined = process.env.DATABASE_URL ? undefined : await startPostgres(EMBEDDED.name, EMBEDDED.port);
  const serverUrl = process.env.DATABASE_URL ?? embedded?.url("postgres") ?? "";
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${DATABASE}`;
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    SEED: "0",
    WORKERS: "0",
    PORT: String(port),
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    WHATSAPP_APP_SECRET: "bench-app-secret",
    WHATSAPP_VERIFY_TOKEN: "bench-verify-token",
  };
  const tsconfig = readFileSync(TSCONFIG, "utf8");
  const [command, args] = withParentDeathSignal("SIGTERM", process.execPath, ["--import", "tsx", "scripts/start.ts"]);
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = collect(child);
  const url = `http://localhost:${port}`;
  const stop = async () => {
    await stopChild(child);
    await embedded?.stop();
  };
  try {
    log(`starting the app on ${url} (build in ${DIST_DIR} when stale)`);
    await waitForApp(url, child, output);
    undoTsconfigEdit(tsconfig);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const TSCONFIG = "tsconfig.json";

/**
 * `next build` adds its build folder's types to tsconfig.json's `include` (here `.next-bench/…`),
 * an edit to a shared file nobody asked for: put the file back as it was, but only when that is
 * the whole difference (someone may have changed it meanwhile for real).
 */
function undoTsconfigEdit(before: string) {
  const now = readFileSync(TSCONFIG, "utf8");
  if (now === before) return;
  const withoutOurs = (text: string) => {
    const config: unknown = JSON.parse(text);
    if (typeof config !== "object" || config === null || !("include" in config) || !Array.isArray(config.include)) return text;
    return JSON.stringify({ ...config, include: config.include.filter((entry: unknown) => !String(entry).startsWith(`${DIST_DIR}/`)) });
  };
  try {
    if (withoutOurs(now) !== withoutOurs(before)) return;
  } catch {
    return; // not plain JSON any more: leave it to whoever edited it
  }
  writeFileSync(TSCONFIG, before);
  log(`put back ${TSCONFIG} (next build had added ${DIST_DIR}/ to its include)`);
}

async function waitForApp(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output().slice(-4000)}`);
    try {
      if ((await fetch(`${url}/api/automations`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`The app did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output().slice(-4000)}`);
}

/** Keeps the app's output for error messages; BENCH_VERBOSE=1 also prints it. */
function collect(child: ChildProcess): () => string {
  let text = "";
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return () => text;
}

/** SIGTERM: scripts/start.ts stops `next start` (its own process group) and exits. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
