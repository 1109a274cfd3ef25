import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Metric, Yardstick } from "./helpers.ts";

export type Machine = Record<string, string | number>;

type Row = Metric & { beside: string };

/**
 * Prints the machine info and the table: scenario, metric, value, goal, and beside each figure
 * the pg-boss no-op yardstick of the same run.
 */
export function printReport(machine: Machine, metrics: Metric[]): void {
  console.log("\nMachine");
  for (const [key, value] of Object.entries(machine)) console.log(`  ${key.padEnd(18)} ${value}`);
  const rows = withYardsticks(metrics).map((m) => [m.scenario, m.metric, `${m.unit === "×" ? m.value.toFixed(2) : format(m.value)} ${m.unit}`, m.goal ?? "", m.beside]);
  const header = ["scenario", "metric", "value", "goal", "pg-boss no-op, same run"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ").trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const row of rows) console.log(line(row));
}

/** bench/results/latest.json (gitignored). */
export function writeResults(machine: Machine, metrics: Metric[]): string {
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  writeFileSync(file, `${JSON.stringify({ machine, metrics: withYardsticks(metrics) }, null, 2)}\n`);
  return file;
}

function withYardsticks(metrics: Metric[]): Row[] {
  const noop = new Map(metrics.flatMap((m) => (m.id ? [[m.id, m.value] as const] : [])));
  return metrics.map((m) => ({ ...m, beside: m.yardstick ? beside(m, m.yardstick, (id) => noop.get(id)) : "" }));
}

function beside(metric: Metric, yardstick: Yardstick, noop: (id: string) => number | undefined): string {
  const rate = noop("noop.rate");
  switch (yardstick.kind) {
    case "rate":
      return rate === undefined ? "" : `${format(rate)} jobs/s (this is ${(metric.value / rate).toFixed(2)}×)`;
    case "jobs":
      return rate === undefined ? "" : `${format((yardstick.jobs / rate) * 1000)} ms to pass ${format(yardstick.jobs)} jobs`;
    case "latency": {
      const value = noop(`noop.latency.${yardstick.stat}`);
      return value === undefined ? "" : `send → done ${yardstick.stat} ${format(value)} ms`;
    }
    case "timer": {
      const value = noop(`noop.timer.${yardstick.stat}`);
      return value === undefined ? "" : `timer due → done ${yardstick.stat} ${format(value)} ms`;
    }
  }
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 || Number.isInteger(value) ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}
