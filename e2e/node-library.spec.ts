import { expect, type Locator, type Page, test } from "@playwright/test";
import { canvasNode, connect, createAutomationInEditor, edgesBetween, nodeIds, sourceHandle } from "./helpers/canvas";

test.use({ viewport: { width: 1600, height: 1000 } });

const button = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, exact: true });
const palette = (page: Page) => page.getByRole("complementary", { name: "Steps" });
const inspector = (page: Page) => page.getByRole("region", { name: "Inspector" });

/** Click-to-add from the palette; the new node is selected, so the inspector shows its form. */
async function add(page: Page, label: string): Promise<string> {
  const before = new Set(await nodeIds(page));
  await button(palette(page), label).click();
  let added: string | undefined;
  await expect
    .poll(async () => {
      added = (await nodeIds(page)).find((id) => !before.has(id));
      return added;
    })
    .toBeTruthy();
  if (!added) throw new Error(`Adding "${label}" added no node`);
  return added;
}

test("every node type: palette search, canvas summaries, inspectors with inline errors, stored shapes", async ({ page, request }) => {
  const other = await request.post("/api/automations", { data: { name: "Welcome series" } });
  const { id: otherId } = (await other.json()) as { id: string };
  const automationId = await createAutomationInEditor(page, `Library ${Date.now()}`);

  // Palette: groups, search, empty state.
  await expect(palette(page).getByRole("group", { name: "Integrations" })).toBeVisible();
  await palette(page).getByLabel("Search steps").fill("webh");
  await expect(palette(page).getByRole("button")).toHaveCount(1);
  await palette(page).getByLabel("Search steps").fill("zzzz");
  await expect(palette(page).getByText("No step matches")).toBeVisible();
  await palette(page).getByLabel("Search steps").fill("");
  for (const label of ["Send message", "Customer Response", "Condition", "Branch", "Delay", "Tag", "Set field", "Webhook", "Start automation", "Exit automations", "End"]) {
    await expect(button(palette(page), label)).toBeVisible();
  }

  // Condition.
  const condition = await add(page, "Condition");
  await expect(canvasNode(page, condition)).toContainText("If tag is vip");
  const rule1 = inspector(page).getByRole("group", { name: "Rule 1" });
  await rule1.getByLabel("Subject").selectOption("Contact field");
  await rule1.getByLabel("Field key").fill("city");
  await rule1.getByLabel("Operator").selectOption("equals");
  await rule1.getByLabel("Value").fill("");
  await expect(rule1.getByText("Enter a value to compare with")).toBeVisible();
  await expect(rule1.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await expect(canvasNode(page, condition)).toContainText("Complete rule 1");
  await rule1.getByLabel("Value").fill("Milano");
  await button(inspector(page), "Add rule").click();
  const rule2 = inspector(page).getByRole("group", { name: "Rule 2" });
  await rule2.getByLabel("Subject").selectOption("contact.tags");
  await rule2.getByLabel("Value").fill("vip");
  await inspector(page).getByLabel("Match").selectOption("any");
  await expect(canvasNode(page, condition)).toContainText("If city is Milano or tag is vip");
  await expect(sourceHandle(page, condition, "true")).toBeVisible();
  await expect(sourceHandle(page, condition, "false")).toBeVisible();
  await button(inspector(page), "Remove rule 2").click();
  await expect(canvasNode(page, condition)).toContainText("If city is Milano");

  // Branch, with an edge that follows a renamed case.
  const branch = await add(page, "Branch");
  await expect(canvasNode(page, branch)).toContainText("last reply: yes / no / else");
  await expect(sourceHandle(page, branch, "yes")).toBeVisible();
  const end = await add(page, "End");
  await connect(page, { nodeId: branch, handleId: "yes" }, end);
  await canvasNode(page, branch).click({ position: { x: 60, y: 20 } });
  const case1 = inspector(page).getByRole("group", { name: "Case 1" });
  await case1.getByLabel("Value").fill("sure");
  await expect(case1.getByLabel("Case id")).toHaveValue("sure");
  await expect(sourceHandle(page, branch, "sure")).toBeVisible();
  await expect(edgesBetween(page, branch, end)).toHaveCount(1);
  await expect(canvasNode(page, branch)).toContainText("last reply: sure / no / else");

  // Delay.
  const delay = await add(page, "Delay");
  await expect(canvasNode(page, delay)).toContainText("Wait 1 hour");
  await inspector(page).getByLabel("Amount").fill("2");
  await expect(canvasNode(page, delay)).toContainText("Wait 2 hours");
  await inspector(page).getByLabel("Wait until").check();
  await inspector(page).getByLabel("Time", { exact: true }).fill("09:00");
  for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) await inspector(page).getByLabel(day, { exact: true }).check();
  await inspector(page).getByLabel("Time zone").fill("Europe/Rome");
  await expect(canvasNode(page, delay)).toContainText("Wait until 09:00 Mon–Fri (Europe/Rome)");
  await inspector(page).getByLabel("Time zone").fill("Mars/Base");
  await expect(inspector(page).getByText(/Unknown time zone/)).toBeVisible();
  await inspector(page).getByLabel("Time zone").fill("Europe/Rome");

  // Tag.
  const tag = await add(page, "Tag");
  await inspector(page).getByLabel("Tags to add").fill("vip, gold");
  await inspector(page).getByLabel("Tags to remove").fill("lead");
  await expect(canvasNode(page, tag)).toContainText("Add vip, gold · Remove lead");

  // Set field, with the insert-field menu and the lint note.
  const setField = await add(page, "Set field");
  await inspector(page).getByLabel("Field", { exact: true }).fill("city");
  await inspector(page).getByLabel("Value", { exact: true }).fill("");
  await button(inspector(page), "Insert field").click();
  await page.getByRole("menuitem", { name: "{{lastReply}}" }).click();
  await expect(canvasNode(page, setField)).toContainText("city = {{lastReply}}");
  await expect(inspector(page).getByLabel("Value", { exact: true })).toBeFocused();
  await button(inspector(page), "Insert field").click();
  await page.getByRole("menuitem", { name: "Other field…" }).click();
  await page.getByLabel("Field key to insert").fill("zzz_unknown");
  await button(page, "Insert").click();
  await expect(inspector(page).getByLabel("Value", { exact: true })).toHaveValue("{{lastReply}}{{contact.fields.zzz_unknown}}");
  await expect(inspector(page).getByRole("note").filter({ hasText: "No contact has the field {{contact.fields.zzz_unknown}} yet" })).toBeVisible();

  // Webhook.
  const webhook = await add(page, "Webhook");
  await inspector(page).getByLabel("URL").fill("https://api.shop.com/orders");
  await inspector(page).getByLabel("Retries").fill("2");
  await expect(canvasNode(page, webhook)).toContainText("POST api.shop.com/orders");
  await expect(canvasNode(page, webhook)).toContainText("3 tries");
  await button(inspector(page), "Add header").click();
  await inspector(page).getByRole("group", { name: "Header 1" }).getByLabel("Header name").fill("Host");
  await inspector(page).getByRole("group", { name: "Header 1" }).getByLabel("Header value").fill("x");
  await expect(inspector(page).getByText("The Host header is set by Replyflow")).toBeVisible();
  await inspector(page).getByRole("group", { name: "Header 1" }).getByLabel("Header name").fill("X-Key");
  await button(inspector(page), "Add response field").click();
  await inspector(page).getByRole("group", { name: "Response field 1" }).getByLabel("Field", { exact: true }).fill("order_id");
  await inspector(page).getByRole("group", { name: "Response field 1" }).getByLabel("JSON path").fill("order.id");
  await expect(sourceHandle(page, webhook, "success")).toBeVisible();
  await expect(sourceHandle(page, webhook, "failure")).toBeVisible();

  // Start automation.
  const start = await add(page, "Start automation");
  await expect(canvasNode(page, start)).toContainText("Choose an automation");
  await expect(inspector(page).getByLabel("Automation").locator("option", { hasText: "Library" })).toHaveCount(0);
  await inspector(page).getByLabel("Automation").selectOption(otherId);
  await expect(canvasNode(page, start)).toContainText("Start Welcome series");

  // Exit automations.
  const exit = await add(page, "Exit automations");
  await expect(canvasNode(page, exit)).toContainText("Exit all other automations");
  await inspector(page).getByLabel("Scope").selectOption("Only these");
  await expect(canvasNode(page, exit)).toContainText("Choose automations to exit");
  await inspector(page).getByLabel("Welcome series").check();
  await expect(canvasNode(page, exit)).toContainText("Exit 1 automation");

  // Send message.
  const message = await add(page, "Send message");
  await button(inspector(page), "Add button").click();
  const b1 = inspector(page).getByRole("group", { name: "Button 1" });
  await b1.getByLabel("Button title").fill("Yes please");
  await expect(b1.getByLabel("Button id")).toHaveValue("yes-please");
  await inspector(page).getByLabel("Approved template").fill("order_ready");
  await inspector(page).getByLabel("Language").fill("it");
  await button(inspector(page), "Add parameter").click();
  await inspector(page).getByLabel("Parameter 1").fill("{{contact.name}}");
  await expect(canvasNode(page, message)).toContainText("Yes please");
  await expect(canvasNode(page, message)).toContainText("Template: order_ready (it)");

  // Customer Response routes.
  const wait = await add(page, "Customer Response");
  await inspector(page).getByLabel("Save reply to field").fill("city");
  await button(inspector(page), "Add route").click();
  const r1 = inspector(page).getByRole("group", { name: "Route 1" });
  await r1.getByLabel("Route label").fill("Sales");
  await expect(r1.getByLabel("Route id")).toHaveValue("sales");
  await r1.getByLabel("Match").selectOption("contains");
  await r1.getByLabel("Value").fill("buy");
  await expect(sourceHandle(page, wait, "sales")).toBeVisible();
  await expect(canvasNode(page, wait)).toContainText("Saves reply to city");

  await page.keyboard.press("Control+s");
  await expect(page.getByText("All changes saved")).toBeVisible();
  const saved = await (await request.get(`/api/automations/${automationId}`)).json();
  const data = (id: string) => saved.graph.nodes.find((n: { id: string }) => n.id === id)?.data;
  expect(data(condition)).toEqual({ combine: "any", rules: [{ subject: "contact.fields.city", op: "equals", value: "Milano" }] });
  expect(data(delay)).toEqual({ until: { time: "09:00", timezone: "Europe/Rome", weekdays: ["mon", "tue", "wed", "thu", "fri"] } });
  expect(data(tag)).toEqual({ add: ["vip", "gold"], remove: ["lead"] });
  expect(data(exit)).toEqual({ scope: "selected", automationIds: [otherId] });
  expect(data(message).template).toEqual({ name: "order_ready", language: "it", params: ["{{contact.name}}"] });
  expect(data(message).buttons).toEqual([{ id: "yes-please", title: "Yes please" }]);
  expect(data(webhook).headers).toEqual({ "X-Key": "x" });
  expect(data(webhook).saveResponse).toEqual({ order_id: "order.id" });
  // The edge followed its case when the case id changed.
  expect(saved.graph.edges.find((e: { source: string }) => e.source === branch)?.sourceHandle).toBe("sure");
});
