import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Playwright helpers for the React Flow editor. They rely only on React Flow's own DOM
 * (`.react-flow__node[data-id]`, `.react-flow__handle[data-nodeid][data-handleid]`) and on
 * accessible names (palette entries are buttons named by node label).
 */

type Point = { x: number; y: number };

export const canvas = (page: Page): Locator => page.locator(".react-flow");

export const canvasNode = (page: Page, nodeId: string): Locator =>
  page.locator(`.react-flow__node[data-id="${nodeId}"]`);

export const canvasNodes = (page: Page): Locator => page.locator(".react-flow__node");

export const canvasEdges = (page: Page): Locator => page.locator(".react-flow__edge");

/** A source handle: named (`replied`, `noResponse`) or, without handleId, a node's single output. */
export const sourceHandle = (page: Page, nodeId: string, handleId?: string): Locator =>
  page.locator(
    handleId
      ? `.react-flow__handle.source[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`
      : `.react-flow__handle.source[data-nodeid="${nodeId}"]`,
  );

export const targetHandle = (page: Page, nodeId: string): Locator =>
  page.locator(`.react-flow__handle.target[data-nodeid="${nodeId}"]`);

/** Ids of the nodes on the canvas, in DOM order. */
export const nodeIds = (page: Page): Promise<string[]> =>
  canvasNodes(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id") ?? ""));

/** The id of the first node of a type, e.g. the trigger of a new automation. */
export async function nodeIdOfType(page: Page, type: string): Promise<string> {
  const id = await page.locator(`.react-flow__node-${type}`).first().getAttribute("data-id");
  if (!id) throw new Error(`No ${type} node on the canvas`);
  return id;
}

/** Waits until the canvas is mounted, every node measured and visible, and the viewport still. */
export async function waitForCanvas(page: Page): Promise<void> {
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  await expect
    .poll(() =>
      canvasNodes(page).evaluateAll((nodes) => nodes.every((n) => getComputedStyle(n).visibility !== "hidden")),
    )
    .toBe(true);
  await waitForViewportToSettle(page);
}

/** Polls the viewport transform until two reads in a row agree (fitView and zoom animations done). */
export async function waitForViewportToSettle(page: Page): Promise<void> {
  const viewport = page.locator(".react-flow__viewport");
  let previous = "";
  await expect
    .poll(
      async () => {
        const transform = await viewport.evaluate((el) => getComputedStyle(el).transform);
        const settled = transform === previous;
        previous = transform;
        return settled;
      },
      { intervals: [100] },
    )
    .toBe(true);
}

/**
 * Drags a palette entry (by node label, e.g. "Customer Response") onto the canvas, HTML5 drag and
 * drop, dropping its centre at `position` (pixels from the canvas' top-left). Returns the new node's id.
 */
export async function dragFromPalette(page: Page, label: string, position: Point): Promise<string> {
  const before = new Set(await nodeIds(page));
  const entry = page.getByRole("complementary", { name: "Steps" }).getByRole("button", { name: label, exact: true });
  await entry.dragTo(canvas(page), { targetPosition: position });
  let added: string | undefined;
  await expect
    .poll(async () => {
      added = (await nodeIds(page)).find((id) => !before.has(id));
      return added;
    }, { message: `dropping "${label}" should add a node` })
    .toBeTruthy();
  if (!added) throw new Error(`Dropping "${label}" added no node`);
  await expect(canvasNode(page, added)).toBeVisible();
  return added;
}

/**
 * Connects a source handle to a target node's input by a mouse drag, and checks that an edge
 * appeared. `handleId` names the output (`replied`, `noResponse`); omit it for single-output nodes.
 */
export async function connect(
  page: Page,
  source: { nodeId: string; handleId?: string },
  targetNodeId: string,
): Promise<void> {
  const edgesBefore = await canvasEdges(page).count();
  await dragHandle(page, sourceHandle(page, source.nodeId, source.handleId), targetHandle(page, targetNodeId));
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 1);
}

/** Drags from one handle to another without checking the outcome (for refused connections). */
export async function dragHandle(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await centerOf(from);
  const end = await centerOf(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/** Selects a node by clicking its card (its header, away from handles and inputs). */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  const node = canvasNode(page, nodeId);
  await node.click({ position: { x: 60, y: 20 } });
  await expect(node).toHaveClass(/selected/);
}

async function centerOf(locator: Locator): Promise<Point> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error("Element has no bounding box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
