import os from "node:os";
import { chromium, type Browser, type LaunchOptions } from "@playwright/test";
import playwrightConfig from "../playwright.config.ts";
import type { Graph } from "../lib/flow/graph.ts";
import { benchGraph } from "./editor-graph.ts";
import { measureDrag, measureKeystrokes, measureOpen, newUserPage, nodeNearCentre, type DragFigures, type Keystroke } from "./editor-page.ts";
import { log, median, percentile, printEditorReport, writeEditorResults, type EditorFigure } from "./editor-report.ts";
import { startEditorApp, type EditorApp } from "./editor-server.ts";

/**
 * `npx tsx bench/editor.ts` (`npm run bench:editor`): the editor as a new user meets it, on
 * automations of 50 and 300 nodes of every type, in Chromium (bench/README.md, "Editor").
 * Prints a table with each figure beside its goal and writes bench/results/editor.json.
 */
const SIZES = (process.env.BENCH_EDITOR_SIZES ?? "50,300").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_EDITOR_ROUNDS ?? 3);
const KEYSTROKES = Number(process.env.BENCH_EDITOR_KEYSTROKES ?? 30);
const GOALS = { openMs: 1500, fps: 50, keystrokeMs: 16 };

let app: EditorApp | undefined;
let browser: Browser | undefined;
const cleanup = async () => {
  await browser?.close().catch(() => undefined);
  await app?.stop().catch(() => undefined);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[bench:editor] ${signal}: stopping the browser and the app`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  app = await startEditorApp();
  browser = await chromium.launch(launchOptions());
  const target = await createAutomation(app.url, "Bench: started by Start automation steps");
  const figures: EditorFigure[] = [];
  for (const size of SIZES) figures.push(...(await benchSize(app.url, browser, size, target)));
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    load: `${loadAtStart} at start (1, 5, 15 min)`,
    chromium: browser.version(),
    node: process.version,
    rounds: `${ROUNDS} opens and drags per size (median; longest task: max), ${KEYSTROKES} keystrokes`,
  };
  printEditorReport(machine, figures);
  log(`results in ${writeEditorResults(machine, figures)}`);
} finally {
  await cleanup();
}

async function benchSize(url: string, browser: Browser, size: number, startTarget: string): Promise<EditorFigure[]> {
  const graph = benchGraph(size, startTarget);
  const id = await createAutomation(url, `Bench: ${size} nodes`, graph);
  const editorUrl = `${url}/automations/${id}`;
  log(`${size} nodes (${graph.edges.length} edges): warm-up open`);
  const warm = await newUserPage(browser, size);
  await measureOpen(warm.page, editorUrl);
  await warm.context.close();

  const opens: number[] = [];
  const drags: DragFigures[] = [];
  let keystrokes: Keystroke[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const { context, page } = await newUserPage(browser, size);
    const open = await measureOpen(page, editorUrl);
    if (open.nodes !== size) throw new Error(`Expected ${size} nodes on the canvas, saw ${open.nodes}`);
    opens.push(open.ms);
    await page.waitForTimeout(1000); // fitView and the first measurements settle
    const drag = await measureDrag(page, await nodeNearCentre(page));
    if (!drag.moved) throw new Error("The dragged node did not move");
    drags.push(drag);
    if (round === ROUNDS) keystrokes = await measureKeystrokes(page, await nodeNearCentre(page, "sendMessage"), KEYSTROKES);
    log(`  round ${round}: open ${open.ms.toFixed(0)} ms, drag ${drag.fps.toFixed(1)} fps (${drag.moves} moves), longest task ${drag.longestTaskMs.toFixed(0)} ms`);
    await context.close();
  }
  const dom = keystrokes.map((k) => k.dom);
  const frame = keystrokes.map((k) => k.frame);
  return [
    { nodes: size, metric: "open: navigation → every node shown", value: median(opens), unit: "ms", goal: { atMost: GOALS.openMs }, note: `runs ${list(opens)}` },
    { nodes: size, metric: "drag: frames per second", value: median(drags.map((d) => d.fps)), unit: "fps", goal: { atLeast: GOALS.fps }, note: `runs ${list(drags.map((d) => d.fps))}` },
    { nodes: size, metric: "drag: longest long task", value: Math.max(...drags.map((d) => d.longestTaskMs), 0), unit: "ms", note: `long tasks per drag ${list(drags.map((d) => d.longTasks))}` },
    { nodes: size, metric: "keystroke → canvas text p50", value: percentile(dom, 50), unit: "ms", goal: { atMost: GOALS.keystrokeMs } },
    { nodes: size, metric: "keystroke → canvas text p95", value: percentile(dom, 95), unit: "ms", goal: { atMost: GOALS.keystrokeMs }, note: `max ${Math.max(...dom).toFixed(1)} ms` },
    { nodes: size, metric: "keystroke → next frame p95", value: percentile(frame, 95), unit: "ms", note: "to the frame that paints it" },
  ];
}

async function createAutomation(url: string, name: string, graph?: Graph): Promise<string> {
  const response = await fetch(`${url}/api/automations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, ...(graph ? { graph } : {}) }),
  });
  const body: unknown = await response.json();
  const id = typeof body === "object" && body !== null && "id" in body ? body.id : undefined;
  if (!response.ok || typeof id !== "string") throw new Error(`POST /api/automations answered ${response.status}: ${JSON.stringify(body)}`);
  return id;
}

/** Chromium as the e2e tests launch it (playwright.config.ts), headless. */
function launchOptions(): LaunchOptions {
  const options = playwrightConfig.use?.launchOptions ?? {};
  return { ...options, headless: true };
}

function list(values: number[]): string {
  return values.map((v) => v.toFixed(v >= 100 ? 0 : 1)).join(", ");
}
