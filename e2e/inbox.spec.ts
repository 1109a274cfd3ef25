import { expect, test, type APIRequestContext } from "@playwright/test";
import { contactMessages, createAutomation, expectJson, uniqueName, uniquePhone, waitForRunStatus, type Graph } from "./helpers/api";

/** The care team's inbox: a Handoff step hands a contact to a person, who reads, replies, assigns and closes. */

const NOTE = "Wants a refund";

/** Send message → Handoff → wait for a reply (10 minutes) → end. */
const handoffGraph: Graph = {
  nodes: [
    { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: {} },
    { id: "ask", type: "sendMessage", position: { x: 0, y: 120 }, data: { text: "A person will be with you shortly." } },
    { id: "hand", type: "handoff", position: { x: 0, y: 240 }, data: { note: NOTE } },
    { id: "wait", type: "customerResponse", position: { x: 0, y: 360 }, data: { timeout: { amount: 10, unit: "minutes" } } },
    { id: "done", type: "end", position: { x: 0, y: 480 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "hand" },
    { id: "e3", source: "hand", target: "wait" },
    { id: "e4", source: "wait", sourceHandle: "replied", target: "done" },
    { id: "e5", source: "wait", sourceHandle: "noResponse", target: "done" },
  ],
};

type Conversation = { id: string; status: string; contact: { phone: string | null }; assignee: { id: string } | null; runId: string | null };

async function conversationOf(request: APIRequestContext, phone: string, query = ""): Promise<Conversation | undefined> {
  const { conversations } = await expectJson<{ conversations: Conversation[] }>(await request.get(`/api/conversations?limit=200${query}`), 200);
  return conversations.find((c) => c.contact.phone === phone);
}

test("a handoff appears in the inbox; the operator opens it, replies, assigns it and closes it", async ({ page, request }) => {
  const name = uniqueName("Refunds");
  const automation = await createAutomation(request, handoffGraph, name);
  await expectJson(await request.post(`/api/automations/${automation.id}/publish`), 201);
  const phone = uniquePhone();
  const contactName = `Ada ${phone.slice(-4)}`;

  // The inbox is open before the handoff happens: the conversation arrives on its own.
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const { runs } = await expectJson<{ runs: { id: string }[] }>(
    await request.post(`/api/automations/${automation.id}/runs`, { data: { contacts: [{ phone, name: contactName }] } }),
    202,
  );
  const runId = runs[0]!.id;
  await waitForRunStatus(request, runId, "waiting");
  const row = page.getByRole("button", { name: new RegExp(contactName) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(NOTE);

  // The contact writes: unread in the list (and the wait completes, as always).
  await expectJson(await request.post("/api/messages/inbound", { data: { from: phone, text: "I want my money back" } }), 202);
  await expect(row).toHaveAttribute("data-unread", "true");
  await waitForRunStatus(request, runId, "completed");

  // Opening it shows the transcript and the run that handed it over, and reads it.
  await row.click();
  const pane = page.getByRole("region", { name: `Conversation with ${contactName}` });
  await expect(pane.getByText(NOTE)).toBeVisible();
  await expect(pane.getByRole("link", { name: `Handed over by ${name} v1` })).toHaveAttribute("href", `/runs/${runId}`);
  await expect(pane.getByTestId("message").filter({ hasText: "I want my money back" })).toHaveAttribute("data-direction", "inbound");
  await expect(row).not.toHaveAttribute("data-unread");

  // The reply lands in the transcript and in the contact's messages.
  const reply = `Hello Ada, Olga here (${Date.now()}).`;
  await pane.getByRole("textbox", { name: "Reply" }).fill(reply);
  await pane.getByRole("button", { name: "Send" }).click();
  await expect(pane.getByTestId("message").filter({ hasText: reply })).toHaveAttribute("data-direction", "outbound");
  await expect(pane.getByRole("textbox", { name: "Reply" })).toHaveValue("");
  const sent = (await contactMessages(request, phone)).find((m) => m.text === reply);
  expect(sent).toMatchObject({ direction: "outbound" });
  expect(sent?.runId).toBeUndefined();

  // Assign to me, then close behind a confirmation: it leaves the Open tab for the Closed one.
  await pane.getByRole("button", { name: "Assign to me" }).click();
  await expect(pane.getByText("Assigned to you")).toBeVisible();
  const mine = page.getByRole("button", { name: "Mine", exact: true });
  await mine.click();
  await expect(mine).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: new RegExp(contactName) }).click();
  await expect(pane.getByText("Assigned to you")).toBeVisible();
  expect((await conversationOf(request, phone, "&mine=true"))?.assignee).not.toBeNull();

  await pane.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Close this conversation?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Close" }).click();
  await expect(row).toBeHidden();
  await mine.click();
  await expect(mine).toHaveAttribute("aria-pressed", "false");
  await page.getByRole("tab", { name: "Closed" }).click();
  await expect(page.getByRole("button", { name: new RegExp(contactName) })).toBeVisible();

  const closed = await conversationOf(request, phone, "&status=closed");
  expect(closed).toMatchObject({ status: "closed", runId });
  expect(await conversationOf(request, phone)).toBeUndefined();
  const { events } = await expectJson<{ events: { action: string; targetId: string | null }[] }>(await request.get("/api/audit"), 200);
  const actions = events.filter((e) => e.targetId === closed!.id).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(["conversation.reply", "conversation.assign", "conversation.close"]));
  // Closed means closed: the API refuses a reply.
  expect((await request.post(`/api/conversations/${closed!.id}/reply`, { data: { text: "still there?" } })).status()).toBe(409);
});
