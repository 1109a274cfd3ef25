import type { Browser, BrowserContext, Page } from "@playwright/test";
import { sleep } from "./editor-report.ts";

/**
 * The in-page halves of the editor bench. Every time is read in the page (performance.now(), ms
 * since navigation start), never in this process, so Playwright's round trips stay out of it.
 */

type Probe = {
  /** When every expected `.react-flow__node` was first in the DOM and measured (not hidden). */
  openedAt: number | null;
  keydownAt: number;
  frames?: { count: number; startedAt: number; running: boolean; longest: number; longTasks: number };
  typed?: Promise<{ keydown: number; dom: number; frame: number }>;
};

declare global {
  interface Window {
    /** The editor bench's probe (bench/editor-page.ts); absent outside the bench. */
    __replyflowBench?: Probe;
  }
}

export const VIEWPORT = { width: 1600, height: 1000 };

/** A fresh context per open: a new user, nothing cached. */
export async function newUserPage(browser: Browser, expectedNodes: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles this file keeping function names: the functions sent to the page call `__name`.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  await context.addInitScript((expected: number) => {
    const probe: Probe = { openedAt: null, keydownAt: 0 };
    window.__replyflowBench = probe;
    const tick = () => {
      const nodes = document.querySelectorAll<HTMLElement>(".react-flow__node");
      // React Flow keeps a node `visibility: hidden` until it has measured it.
      if (nodes.length >= expected && Array.from(nodes).every((n) => n.style.visibility !== "hidden")) probe.openedAt = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.addEventListener(
      "keydown",
      (event) => {
        const now = performance.now();
        probe.keydownAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      },
      true,
    );
  }, expectedNodes);
  return { context, page: await context.newPage() };
}

/** (a) Navigation start → every node on the canvas shown, in ms; and how many there were. */
export async function measureOpen(page: Page, url: string): Promise<{ ms: number; nodes: number }> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(() => window.__replyflowBench?.openedAt ?? null, undefined, { timeout: 120_000, polling: 100 });
  const ms = Number(await handle.jsonValue());
  const nodes = await page.locator(".react-flow__node").count();
  return { ms, nodes };
}

type Target = { id: string; x: number; y: number };

/**
 * A node of `type` (any type when omitted) near the middle of the canvas, fully on screen, with
 * the point of its header: where a user grabs or clicks it (clear of handles and fields).
 */
export async function nodeNearCentre(page: Page, type?: string): Promise<Target> {
  const target = await page.evaluate((selector) => {
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (!pane) return null;
    const centre = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    const candidates = Array.from(document.querySelectorAll<HTMLElement>(selector)).flatMap((el) => {
      const box = el.getBoundingClientRect();
      const inside = box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
      const zoom = box.width / 256;
      const point = { x: box.left + box.width / 2, y: box.top + Math.min(box.height / 4, 20 * zoom) };
      const hit = document.elementFromPoint(point.x, point.y);
      const id = el.dataset.id;
      if (!inside || !id || !hit || !el.contains(hit) || hit.closest(".react-flow__handle")) return [];
      return [{ id, ...point, distance: Math.hypot(point.x - centre.x, point.y - centre.y) }];
    });
    candidates.sort((a, b) => a.distance - b.distance);
    return candidates[0] ?? null;
  }, type ? `.react-flow__node-${type}` : ".react-flow__node");
  if (!target) throw new Error(`No ${type ?? ""} node fully on screen to use`);
  return target;
}

const TICK_MS = 1000 / 60;

export type DragFigures = { fps: number; longestTaskMs: number; longTasks: number; moves: number; moved: boolean };

/**
 * (b) Drags a node round a circle for `ms`, one mouse move per 60 Hz frame, while the page counts
 * its requestAnimationFrame callbacks (fps over the drag) and its long tasks (PerformanceObserver,
 * up to 300 ms after the mouse is released, which includes the drop's own work).
 */
export async function measureDrag(page: Page, target: Target, ms = 2000): Promise<DragFigures> {
  const before = await page.locator(`.react-flow__node[data-id="${target.id}"]`).boundingBox();
  await page.mouse.move(target.x, target.y);
  await page.evaluate(() => {
    const probe = window.__replyflowBench;
    if (!probe) throw new Error("The bench probe is missing");
    const frames = { count: 0, startedAt: performance.now(), running: true, longest: 0, longTasks: 0 };
    probe.frames = frames;
    const loop = () => {
      if (!frames.running) return;
      frames.count++;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        frames.longest = Math.max(frames.longest, entry.duration);
        frames.longTasks++;
      }
    }).observe({ type: "longtask" });
  });
  await page.mouse.down();
  // A mouse reports at 60 Hz whether or not the page keeps up: one move per tick, not awaited, so
  // every frame has a move waiting (Chromium coalesces them per frame, as it does a real mouse's).
  // At most two in flight: a tick with both still pending is skipped, as an OS would coalesce it.
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let moves = 0;
  for (let tick = 0; tick * TICK_MS < ms; tick++) {
    await sleep(Math.max(0, started + tick * TICK_MS - performance.now()));
    if (inFlight.size >= 2) continue;
    const angle = (2 * Math.PI * tick * TICK_MS) / ms;
    const move: Promise<void> = page.mouse
      .move(target.x + 160 * Math.sin(angle), target.y + 80 * (1 - Math.cos(angle)) + 40 * Math.sin(angle))
      .finally(() => inFlight.delete(move));
    inFlight.add(move);
    moves++;
  }
  await Promise.all(inFlight);
  const fps = await page.evaluate(() => {
    const frames = window.__replyflowBench?.frames;
    if (!frames) return Number.NaN;
    return (frames.count * 1000) / (performance.now() - frames.startedAt);
  });
  await page.mouse.up();
  await sleep(300);
  const { longest, longTasks } = await page.evaluate(() => {
    const frames = window.__replyflowBench?.frames;
    if (frames) frames.running = false;
    return { longest: frames?.longest ?? Number.NaN, longTasks: frames?.longTasks ?? 0 };
  });
  const after = await page.locator(`.react-flow__node[data-id="${target.id}"]`).boundingBox();
  const moved = Boolean(before && after && (before.x !== after.x || before.y !== after.y));
  return { fps, longestTaskMs: longest, longTasks, moves, moved };
}

export type Keystroke = { dom: number; frame: number };

/**
 * (c) Selects a Send message node, puts the caret at the start of "Message text" in the inspector
 * and types `count` characters, one every `gapMs`. For each: the keydown's time → the moment the
 * canvas node's text holds the new character (a MutationObserver on the node: `dom`), and → the
 * next animation frame after that (`frame`, the frame that paints it).
 */
export async function measureKeystrokes(page: Page, node: Target, count = 30, gapMs = 80): Promise<Keystroke[]> {
  await page.mouse.click(node.x, node.y);
  const textarea = page.getByLabel("Message text");
  await textarea.waitFor({ timeout: 10_000 });
  const original = await textarea.inputValue();
  await textarea.evaluate((el) => {
    if (!(el instanceof HTMLTextAreaElement)) throw new Error("Message text is not a textarea");
    el.focus();
    el.setSelectionRange(0, 0);
  });
  // The typed characters then the text's start: present on the canvas only once this key landed.
  const keys = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(3).slice(0, count);
  const results: Keystroke[] = [];
  for (let i = 0; i < count; i++) {
    const expected = keys.slice(0, i + 1) + original.trim().slice(0, 10);
    await page.evaluate(
      ({ id, expected }) => {
        const probe = window.__replyflowBench;
        const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        if (!probe || !el) throw new Error(`No probe or no canvas node ${id}`);
        probe.typed = new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`"${expected}" never reached the canvas`)), 10_000);
          const observer = new MutationObserver(() => {
            if (!el.textContent?.includes(expected)) return;
            const dom = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve({ keydown: probe.keydownAt, dom, frame: performance.now() }));
          });
          observer.observe(el, { subtree: true, childList: true, characterData: true });
        });
      },
      { id: node.id, expected },
    );
    await page.keyboard.press(keys.charAt(i));
    const typed = await page.evaluate(() => window.__replyflowBench?.typed ?? null);
    if (!typed) throw new Error("The keystroke probe is missing");
    results.push({ dom: typed.dom - typed.keydown, frame: typed.frame - typed.keydown });
    await sleep(gapMs);
  }
  return results;
}
