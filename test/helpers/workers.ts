import { spawn, type ChildProcess } from "node:child_process";

export type Workers = {
  processes: ChildProcess[];
  /** kill -9: no graceful shutdown, jobs in flight stay active until they expire. */
  kill: (index: number) => void;
  stop: () => Promise<void>;
};

/** Starts real worker processes (jobs/worker.ts) on the current DATABASE_URL. */
export async function startWorkers(count: number, env: Record<string, string> = {}): Promise<Workers> {
  const processes = await Promise.all(Array.from({ length: count }, () => startOne(env)));
  return {
    processes,
    kill: (index) => processes[index]?.kill("SIGKILL"),
    stop: async () => {
      await Promise.all(processes.map(stopOne));
    },
  };
}

function startOne(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.TEST_VERBOSE) process.stderr.write(chunk);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
}

function stopOne(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
