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

/**
 * Creates an automation the way a marketer does (automations list, "New automation", a name),
 * waits for the editor's canvas and returns the automation's id.
 */
export async function createAutomationInEditor(page: Page, name: string): Promise<string> {
  await page.goto("/automations");
  await page.getByRole("button", { name: "New automation" }).click();
  const dialog = page.getByRole("dialog", { name: "New automation" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/automations\/[^/]+$/);
  await waitForCanvas(page);
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error("No automation id in the URL");
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

/** The edges from one node to another, by React Flow's own label ("Edge from a to b"). */
export const edgesBetween = (page: Page, sourceNodeId: string, targetNodeId: string): Locator =>
  page.locator(`.react-flow__edge[aria-label="Edge from ${sourceNodeId} to ${targetNodeId}"]`);

/**
 * Connects a source handle to a target node's input by a mouse drag, the way xyflow's own
 * Playwright tests do, and waits until the new edge exists. `handleId` names the output
 * (`replied`, `noResponse`); omit it for single-output nodes.
 *
 * Under CPU load a gesture can miss: a node still growing moves its handles, the connection
 * starts late, the pointer is released before React Flow has seen it over the target, or a handle
 * near the canvas' edge makes React Flow auto-pan everything away mid-gesture. So each gesture
 * aims at handles that are still and well inside the canvas, waits on React Flow's own state
 * (connection line drawn, target handle marked valid), and one that did not land is repeated
 * once. Repeating is safe: the canvas allows one edge per output, so a slow first gesture that
 * lands late cannot add a second edge.
 */
export async function connect(
  page: Page,
  source: { nodeId: string; handleId?: string },
  targetNodeId: string,
): Promise<void> {
  const from = sourceHandle(page, source.nodeId, source.handleId);
  const to = targetHandle(page, targetNodeId);
  const edges = edgesBetween(page, source.nodeId, targetNodeId);
  const before = await edges.count();
  const label = `${source.nodeId}${source.handleId ? `.${source.handleId}` : ""} → ${targetNodeId}`;
  for (let attempt = 1; ; attempt++) {
    await dragConnection(page, from, to);
    try {
      await expect(edges, `connecting ${label} should add an edge`).toHaveCount(before + 1, {
        timeout: attempt === 1 ? 5_000 : undefined,
      });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** One connecting gesture that waits on React Flow at each step; releases the mouse whatever happens. */
async function dragConnection(page: Page, from: Locator, to: Locator): Promise<void> {
  const { start, end } = await gesturePoints(page, from, to);
  await from.hover();
  await page.mouse.down();
  try {
    // Past React Flow's drag threshold the connection starts and its line is drawn.
    await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
    await expect(connectionLine(page)).toBeVisible({ timeout: 5_000 });
    await page.mouse.move(end.x, end.y, { steps: 10 });
    // React Flow marks the handle under the pointer `valid` once it accepts the connection.
    await expect(to).toHaveClass(/\bvalid\b/, { timeout: 5_000 });
  } catch {
    // The caller sees the outcome (no edge) and retries; the mouse must not stay down.
  } finally {
    await page.mouse.up();
  }
  await expect(connectionLine(page)).toHaveCount(0);
}

/** Drags from one handle to another without checking the outcome (for refused connections). */
export async function dragHandle(page: Page, from: Locator, to: Locator): Promise<void> {
  const { start, end } = await gesturePoints(page, from, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  await expect(connectionLine(page)).toHaveCount(0);
}

const connectionLine = (page: Page): Locator => page.locator(".react-flow__connectionline");

/**
 * While a connection is dragged, React Flow auto-pans when the pointer is within 40 px of the
 * canvas' edge, which moves every handle away from where the gesture aims. A margin keeps both
 * ends of a gesture out of that band.
 */
const AUTO_PAN_MARGIN = 60;

/**
 * Where a gesture starts and ends, computed before the mouse goes down: both handles still, and
 * well inside the canvas. If they are not, React Flow's own controls fit the view, then zoom out
 * (fitting leaves handles on the outermost nodes just inside the edge).
 */
async function gesturePoints(page: Page, from: Locator, to: Locator): Promise<{ start: Point; end: Point }> {
  const controls = ["Fit View", "Zoom Out", "Zoom Out"];
  for (let i = 0; ; i++) {
    const start = await stableCenterOf(from);
    const end = await stableCenterOf(to);
    if ((await wellInsideCanvas(page, start)) && (await wellInsideCanvas(page, end))) return { start, end };
    const control = controls[i];
    if (!control) throw new Error("The handles stay near the canvas' edge, where React Flow auto-pans");
    await page.getByRole("button", { name: control, exact: true }).click();
    await waitForViewportToSettle(page);
  }
}

async function wellInsideCanvas(page: Page, point: Point): Promise<boolean> {
  const box = await canvas(page).boundingBox();
  if (!box) return false;
  return (
    point.x >= box.x + AUTO_PAN_MARGIN &&
    point.x <= box.x + box.width - AUTO_PAN_MARGIN &&
    point.y >= box.y + AUTO_PAN_MARGIN &&
    point.y <= box.y + box.height - AUTO_PAN_MARGIN
  );
}

/** Selects a node by clicking its card (its header, away from handles and inputs). */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  const node = canvasNode(page, nodeId);
  await node.click({ position: { x: 60, y: 20 } });
  await expect(node).toHaveClass(/selected/);
}

/** The centre of an element once it stops moving (a node still growing after a text edit moves its handles). */
async function stableCenterOf(locator: Locator): Promise<Point> {
  await expect(locator).toBeVisible();
  let previous = "";
  let center: Point | undefined;
  await expect
    .poll(
      async () => {
        const box = await locator.boundingBox();
        if (!box) return false;
        center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        const key = `${center.x},${center.y}`;
        const settled = key === previous;
        previous = key;
        return settled;
      },
      { intervals: [50], message: "the element should stop moving" },
    )
    .toBe(true);
  if (!center) throw new Error("Element has no bounding box");
  return center;
}
