import { expect, type Page, test } from "@playwright/test";
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  connect,
  createAutomationInEditor,
  dragFromPalette,
  dragHandle,
  nodeIdOfType,
  selectNode,
  sourceHandle,
  targetHandle,
  waitForCanvas,
} from "./helpers/canvas";

// Wide enough for a palette, the inspector and a five-step flow at zoom 1.
test.use({ viewport: { width: 1600, height: 1000 } });

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test("builds a Customer Response flow, shows publish problems, saves and publishes", async ({ page }) => {
  const name = `Order follow-up ${Date.now()}`;
  const automationId = await createAutomationInEditor(page, name);
  await expect(page.getByRole("textbox", { name: "Automation title" })).toHaveValue(name);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(button(page, "Run for contact")).toBeDisabled();

  const trigger = await nodeIdOfType(page, "trigger");
  const welcome = await dragFromPalette(page, "Send message", { x: 520, y: 200 });
  await page.getByLabel("Message text").fill("Hi {{contact.name | there}}, did your order arrive?");
  await expect(canvasNode(page, welcome)).toContainText("did your order arrive?");

  const wait = await dragFromPalette(page, "Customer Response", { x: 520, y: 440 });
  await expect(canvasNode(page, wait)).toHaveAttribute("aria-label", "Customer Response node");
  await page.getByLabel("Timeout").fill("5");
  await page.getByLabel("Unit").selectOption("seconds");
  await expect(canvasNode(page, wait)).toContainText("Wait 5 seconds");
  await expect(sourceHandle(page, wait, "replied")).toBeVisible();
  await expect(sourceHandle(page, wait, "noResponse")).toBeVisible();

  // Out-of-bounds timeouts are explained inline, from the node's own zod schema.
  await page.getByLabel("Timeout").fill("3");
  await expect(page.getByText("Must be between 5 seconds and 30 days")).toBeVisible();
  await page.getByLabel("Timeout").fill("5");
  await expect(page.getByText("Must be between 5 seconds and 30 days")).toBeHidden();

  const thanks = await dragFromPalette(page, "Send message", { x: 900, y: 300 });
  await page.getByLabel("Message text").fill("Great, thanks for your reply: {{lastReply}}");
  const reminder = await dragFromPalette(page, "Send message", { x: 900, y: 560 });
  await page.getByLabel("Message text").fill("Still there? Reply anytime and we will help.");
  const end = await dragFromPalette(page, "End", { x: 900, y: 790 });
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await connect(page, { nodeId: trigger }, welcome);
  await connect(page, { nodeId: welcome }, wait);
  await connect(page, { nodeId: wait, handleId: "replied" }, thanks);

  // Publishing with "No response" unconnected fails, names the node, and marks it.
  await button(page, "Publish").click();
  const problems = page.getByRole("region", { name: "Publish problems" });
  await expect(problems).toContainText('Customer Response: connect the "No response" output');
  await expect(canvasNode(page, wait)).toContainText('connect the "No response" output');
  await selectNode(page, welcome);
  await problems.getByRole("button", { name: /connect the "No response" output/ }).click();
  await expect(canvasNode(page, wait)).toHaveClass(/selected/);
  await expect(page.getByLabel("Timeout")).toHaveValue("5");

  await connect(page, { nodeId: wait, handleId: "noResponse" }, reminder);
  await connect(page, { nodeId: thanks }, end);
  await connect(page, { nodeId: reminder }, end);
  await expect(canvasEdges(page)).toHaveCount(6);

  await button(page, "Save").click();
  await expect(page.getByText("All changes saved")).toBeVisible();

  await page.reload();
  await waitForCanvas(page);
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(canvasEdges(page)).toHaveCount(6);
  await expect(canvasNode(page, wait)).toContainText("Wait 5 seconds");
  await expect(canvasNode(page, welcome)).toContainText("did your order arrive?");

  const saved = await (await page.request.get(`/api/automations/${automationId}`)).json();
  const handles = saved.graph.edges.map((e: { source: string; sourceHandle?: string }) => [e.source, e.sourceHandle ?? null]);
  expect(handles).toEqual(
    expect.arrayContaining([
      [trigger, null],
      [welcome, null],
      [wait, "replied"],
      [wait, "noResponse"],
    ]),
  );

  await button(page, "Publish").click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Published version 1" })).toBeVisible();
  await expect(page.getByText("Published version 1", { exact: true }).first()).toBeVisible();
  await expect(problems).toBeHidden();
  await expect(button(page, "Run for contact")).toBeEnabled();
});

test("deletes steps, keeps the trigger and refuses invalid connections", async ({ page }) => {
  await createAutomationInEditor(page, `Editor rules ${Date.now()}`);
  const trigger = await nodeIdOfType(page, "trigger");
  const wait = await dragFromPalette(page, "Customer Response", { x: 520, y: 200 });
  const end = await dragFromPalette(page, "End", { x: 900, y: 200 });

  await connect(page, { nodeId: wait, handleId: "replied" }, end);
  // One edge per output, nothing into the trigger, no self loops.
  await dragHandle(page, sourceHandle(page, wait, "replied"), targetHandle(page, wait));
  await dragHandle(page, sourceHandle(page, wait, "noResponse"), targetHandle(page, wait));
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(targetHandle(page, trigger)).toHaveCount(0);

  // The trigger cannot be deleted, by key or by button.
  await selectNode(page, trigger);
  await expect(page.getByRole("button", { name: "Delete step" })).toHaveCount(0);
  await page.keyboard.press("Delete");
  await expect(canvasNode(page, trigger)).toBeVisible();

  await selectNode(page, end);
  await page.keyboard.press("Backspace");
  await expect(canvasNode(page, end)).toHaveCount(0);
  await expect(canvasEdges(page)).toHaveCount(0);

  await selectNode(page, wait);
  await page.getByRole("button", { name: "Delete step" }).click();
  await expect(canvasNode(page, wait)).toHaveCount(0);
  await expect(canvasNodes(page)).toHaveCount(1);
});
