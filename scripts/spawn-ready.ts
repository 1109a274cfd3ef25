import { spawn, type ChildProcess } from "node:child_process";
import { withParentDeathSignal } from "./postgres.ts";

export type ReadyProcesses = {
  processes: ChildProcess[];
  /** kill -9: no graceful shutdown, jobs in flight stay active until they expire. */
  kill: (index: number) => void;
  stop: () => Promise<void>;
};

/**
 * Spawns `count` processes of a TypeScript script (e.g. jobs/worker.ts) on Node with tsx, and
 * resolves once each printed "ready". Used by the tests and the benchmark.
 */
export async function spawnReady(script: string, count: number, env: Record<string, string> = {}, verbose = false): Promise<ReadyProcesses> {
  const processes = await Promise.all(Array.from({ length: count }, () => startOne(script, env, verbose)));
  return {
    processes,
    kill: (index) => processes[index]?.kill("SIGKILL"),
    stop: async () => {
      await Promise.all(processes.map(stopOne));
    },
  };
}

function startOne(script: string, env: Record<string, string>, verbose: boolean): Promise<ChildProcess> {
  // Dies with the process that started it: a test or bench that crashes or is killed leaves no
  // worker behind to keep hammering a database server (one later run may reuse the port).
  const [command, args] = withParentDeathSignal("SIGTERM", process.execPath, ["--import", "tsx", script]);
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start:\n${output}`));
    }, 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (verbose) process.stderr.write(chunk);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

function stopOne(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
