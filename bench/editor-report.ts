import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One figure of the editor bench, with its goal: `atMost` for times, `atLeast` for rates. */
export type EditorFigure = { nodes: number; metric: string; value: number; unit: string; goal?: { atMost: number } | { atLeast: number }; note?: string };

export type Machine = Record<string, string | number>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const began = performance.now();

/** A progress line, so a long build or run is never silent. */
export const log = (text: string) => console.log(`[bench:editor ${((performance.now() - began) / 1000).toFixed(1)} s] ${text}`);

/** Nearest-rank percentile; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (values: number[]) => percentile(values, 50);

/** The machine block, then one row per figure with its goal and whether it is met. */
export function printEditorReport(machine: Machine, figures: EditorFigure[]): void {
  console.log("\nMachine");
  for (const [key, value] of Object.entries(machine)) console.log(`  ${key.padEnd(12)} ${value}`);
  const header = ["nodes", "metric", "value", "goal", "met", "note"];
  const rows = figures.map((f) => [String(f.nodes), f.metric, `${format(f.value)} ${f.unit}`, goalText(f), met(f), f.note ?? ""]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ").trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const row of rows) console.log(line(row));
}

/** bench/results/editor.json (gitignored). */
export function writeEditorResults(machine: Machine, figures: EditorFigure[]): string {
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "editor.json");
  writeFileSync(file, `${JSON.stringify({ machine, figures: figures.map((f) => ({ ...f, met: met(f) })) }, null, 2)}\n`);
  return file;
}

function goalText(f: EditorFigure): string {
  if (!f.goal) return "";
  return "atMost" in f.goal ? `≤ ${format(f.goal.atMost)} ${f.unit}` : `≥ ${format(f.goal.atLeast)} ${f.unit}`;
}

function met(f: EditorFigure): string {
  if (!f.goal || !Number.isFinite(f.value)) return "";
  return ("atMost" in f.goal ? f.value <= f.goal.atMost : f.value >= f.goal.atLeast) ? "yes" : "NO";
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 || Number.isInteger(value) ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}
