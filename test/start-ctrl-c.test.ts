import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers/free-port.ts";

// `npm start` stopped the way a terminal stops it: the whole foreground process group (npm, sh,
// tsx's parent and child) gets the signal at once. The web server, workers and database run in
// process groups of their own, so only start.ts can stop them: nothing of it may outlive it.
// START_WEB=0 skips the Next.js build and server (slow); the workers and the database, stopped
// the same way as the server, are real. The project is a temp folder with links to this one, so
// its .data/ (database, pid file) is its own.

const ROOT = process.cwd();
let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "replyflow-start-"));
  chmodSync(project, 0o755); // as root, the postgres user must reach .data/ (the usual layout)
  for (const entry of ["node_modules", "package.json", "tsconfig.json", "scripts", "lib", "prisma"]) symlinkSync(path.join(ROOT, entry), path.join(project, entry));
  // Copied, not linked: the worker runs only when it is the entry point, as seen from its path.
  cpSync(path.join(ROOT, "jobs"), path.join(project, "jobs"), { recursive: true });
});

afterEach(() => killLeftovers());
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("npm start, stopped from the terminal", () => {
  it("Ctrl-C stops the workers and the database, and frees the port", async () => {
    const start = await startApp();
    signalGroup(start.pid, "SIGINT");
    await expectNothingLeft(start);
  });

  // tsx's parent relays the terminal's SIGINT to start.ts again when start.ts does not
  // acknowledge it within 30 ms (a race, lost now and then): the same as a second Ctrl-C.
  it("a second SIGINT during the shutdown does not cut it short", async () => {
    const start = await startApp();
    signalGroup(start.pid, "SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 40));
    signalGroup(start.pid, "SIGINT");
    await expectNothingLeft(start);
  });

  it("kill -9 of the whole command still stops the workers and the database", async () => {
    const start = await startApp();
    signalGroup(start.pid, "SIGKILL");
    await expectNothingLeft(start);
  });
});

type StartedApp = { pid: number; pgPort: number; output: () => string };

/** `npm start` as a terminal runs it: the leader of a process group of its own. */
async function startApp(): Promise<StartedApp> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), APP_PG_PORT: String(pgPort), SEED: "0", START_WEB: "0", WORKERS: "1", NEXT_DIST_DIR: ".next-start-test" };
  delete env.DATABASE_URL;
  const child = spawn("npm", ["start"], { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(() => {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    return /"msg":"worker ready"/.test(output) && output.includes("workers running");
  }, 45_000, () => `npm start did not get ready:\n${output}`);
  return { pid: child.pid!, pgPort, output: () => output };
}

async function expectNothingLeft(start: StartedApp) {
  // npm may exit before start.ts has stopped everything: wait for the whole group to be gone.
  await until(() => !groupAlive(start.pid), 30_000, () => `npm start's processes still run:\n${start.output()}`);
  // What start.ts spawned runs in groups of its own (a parent-death signal may still be landing).
  await until(() => leftovers().length === 0, 5_000, () => `left running: ${JSON.stringify(leftovers())}\n${start.output()}`);
  expect(await portIsFree(start.pgPort)).toBe(true);
  expect(existsSync(path.join(project, ".data", "postgres", "postmaster.pid"))).toBe(false); // shut down, not killed
}

async function until(check: () => boolean, timeoutMs: number, failure: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function groupAlive(pgid: number): boolean {
  return signalGroup(pgid, 0);
}

/** Signals every process of the group, as a terminal does; false when none is left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Processes started from the temp project: they run in it (workers) or under it (postgres). */
function leftovers(): { pid: number; command: string }[] {
  return readdirSync("/proc").flatMap((entry) => {
    const pid = Number(entry);
    if (!(pid > 0)) return [];
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      return cwd.startsWith(project) || command.includes(project) ? [{ pid, command }] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

function killLeftovers() {
  for (const { pid } of leftovers()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
