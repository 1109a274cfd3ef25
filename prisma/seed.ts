import { createAutomation, publishAutomation } from "../lib/automations/automations.ts";
import { db } from "../lib/db.ts";
import type { Graph } from "../lib/flow/graph.ts";

/**
 * A demo automation on first start, so a newcomer lands on something that works. Messages that
 * can go out when the contact has not written for 24 hours are approved templates, as WhatsApp requires.
 */
const demo: Graph = {
  nodes: [
    { id: "trigger", type: "trigger", position: { x: 0, y: 150 }, data: {} },
    { id: "ask", type: "sendMessage", position: { x: 300, y: 120 }, data: { text: "Hi {{contact.name | there}}! Your order is ready. Shall we deliver it tomorrow? Reply YES or suggest a day.", template: "order_ready" } },
    { id: "wait", type: "customerResponse", position: { x: 620, y: 135 }, data: { timeout: { amount: 10, unit: "minutes" } } },
    { id: "confirm", type: "sendMessage", position: { x: 940, y: 20 }, data: { text: "Thanks! We noted: \"{{lastReply}}\". See you soon." } },
    { id: "remind", type: "sendMessage", position: { x: 940, y: 250 }, data: { text: "Just checking in: reply YES to get your order delivered tomorrow.", template: "order_reminder" } },
    { id: "end", type: "end", position: { x: 1260, y: 150 }, data: {} },
  ],
  edges: [
    { id: "e-trigger-ask", source: "trigger", target: "ask" },
    { id: "e-ask-wait", source: "ask", target: "wait" },
    { id: "e-wait-replied", source: "wait", sourceHandle: "replied", target: "confirm" },
    { id: "e-wait-noresponse", source: "wait", sourceHandle: "noResponse", target: "remind" },
    { id: "e-confirm-end", source: "confirm", target: "end" },
    { id: "e-remind-end", source: "remind", target: "end" },
  ],
};

if ((await db().automation.count()) === 0) {
  const automation = await createAutomation({ name: "Delivery confirmation (demo)", graph: demo });
  const { version } = await publishAutomation(automation.id);
  console.log(`[seed] created "${automation.name}" and published version ${version}`);
}
await db().$disconnect();
