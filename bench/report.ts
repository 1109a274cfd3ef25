import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Metric } from "./helpers.ts";

export type Machine = Record<string, string | number>;

/** Prints the machine info and the (scenario, metric, value) table. */
export function printReport(machine: Machine, metrics: Metric[]): void {
  console.log("\nMachine");
  for (const [key, value] of Object.entries(machine)) console.log(`  ${key.padEnd(18)} ${value}`);
  const rows = metrics.map((m) => [m.scenario, m.metric, `${format(m.value)} ${m.unit}`]);
  const header = ["scenario", "metric", "value"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const row of rows) console.log(line(row));
}

/** bench/results/latest.json (gitignored). */
export function writeResults(machine: Machine, metrics: Metric[]): string {
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  writeFileSync(file, `${JSON.stringify({ machine, metrics }, null, 2)}\n`);
  return file;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 || Number.isInteger(value) ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}
