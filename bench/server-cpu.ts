import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/**
 * CPU seconds used so far by a local Postgres server: its postmaster's own and reaped children's
 * time, plus every live child's (backends, WAL writer, checkpointer, autovacuum). NaN when the
 * server is not on this machine. Read twice around a test: the difference is the server's share
 * of the cores, whatever the client used.
 */
export async function serverCpuSeconds(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const postmaster = stat(rows[0]?.pid ?? 0)?.ppid;
  if (postmaster === undefined) return Number.NaN;
  const own = stat(postmaster);
  if (!own) return Number.NaN;
  let ticks = own.utime + own.stime + own.cutime + own.cstime;
  for (const entry of readdirSync("/proc")) {
    const child = /^\d+$/.test(entry) ? stat(Number(entry)) : undefined;
    if (child?.ppid === postmaster) ticks += child.utime + child.stime;
  }
  return ticks / TICKS_PER_SECOND;
}

function stat(pid: number) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name, which may itself contain spaces.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
    const at = (field: number) => fields[field - 3] ?? 0; // man 5 proc numbers fields from 1; pid and comm come first
    return { ppid: at(4), utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
  } catch {
    return undefined;
  }
}
