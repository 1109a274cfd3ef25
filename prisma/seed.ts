import { createAutomation as createAutomationUnscoped, publishAutomation as publishAutomationUnscoped } from "../lib/automations/automations.ts";
import { db } from "../lib/db.ts";
import type { Graph } from "../lib/flow/graph.ts";
import { DEFAULT_WORKSPACE_ID } from "../lib/workspace.ts";
import { inWorkspace } from "../lib/auth/scope.ts";

const createAutomation = inWorkspace("default", createAutomationUnscoped);
const publishAutomation = inWorkspace("default", publishAutomationUnscoped);

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

/**
 * The support page's example (../shared/seed/): "if the contact bought product X and answers the
 * check-up message within 2 hours, send the advanced guide; otherwise send a reminder after 12
 * hours". Contacts tagged `bought-x` with a `product` field get the check-up; tags record what happened.
 */
const checkUp: Graph = {
  nodes: [
    { id: "trigger", type: "trigger", position: { x: 0, y: 260 }, data: {} },
    { id: "bought", type: "condition", position: { x: 300, y: 230 }, data: { combine: "all", rules: [{ subject: "contact.tags", op: "includes", value: "bought-x" }, { subject: "contact.fields.product", op: "exists" }] } },
    { id: "checkup", type: "sendMessage", position: { x: 620, y: 120 }, data: {
      text: "Hi {{contact.name | there}}! How is your {{contact.fields.product | Product X}} going? Tap a button or just reply.",
      template: { name: "product_checkup", language: "en_US", params: ["{{contact.name | there}}", "{{contact.fields.product | Product X}}"] },
      buttons: [{ id: "great", title: "All great" }, { id: "help", title: "I need help" }],
    } },
    { id: "answer", type: "customerResponse", position: { x: 940, y: 120 }, data: {
      timeout: { amount: 2, unit: "hours" },
      saveReplyTo: "checkup_reply",
      routes: [{ id: "operator", label: "Wants an operator", op: "matches", value: "operator|help" }],
    } },
    { id: "guide", type: "sendMessage", position: { x: 1280, y: -60 }, data: { text: "Great to hear! Here is the advanced guide: https://example.com/guide-x" } },
    { id: "tag-engaged", type: "tag", position: { x: 1600, y: -60 }, data: { add: ["engaged"] } },
    { id: "operator-note", type: "sendMessage", position: { x: 1280, y: 120 }, data: { text: "Thanks! An operator will write to you shortly." } },
    { id: "tag-operator", type: "tag", position: { x: 1600, y: 120 }, data: { add: ["needs-operator"] } },
    { id: "wait-12h", type: "delay", position: { x: 1280, y: 300 }, data: { duration: { amount: 12, unit: "hours" } } },
    { id: "reminder", type: "sendMessage", position: { x: 1600, y: 300 }, data: { text: "Just checking in about {{contact.fields.product | Product X}}: reply any time if you need a hand.", template: "product_reminder" } },
    { id: "tag-silent", type: "tag", position: { x: 1920, y: 300 }, data: { add: ["no-reply"] } },
    { id: "end", type: "end", position: { x: 2240, y: 120 }, data: {} },
    { id: "not-buyer", type: "end", position: { x: 620, y: 420 }, data: {} },
  ],
  edges: [
    { id: "e-trigger-bought", source: "trigger", target: "bought" },
    { id: "e-bought-true", source: "bought", sourceHandle: "true", target: "checkup" },
    { id: "e-bought-false", source: "bought", sourceHandle: "false", target: "not-buyer" },
    { id: "e-checkup-answer", source: "checkup", target: "answer" },
    { id: "e-answer-replied", source: "answer", sourceHandle: "replied", target: "guide" },
    { id: "e-answer-operator", source: "answer", sourceHandle: "operator", target: "operator-note" },
    { id: "e-answer-silence", source: "answer", sourceHandle: "noResponse", target: "wait-12h" },
    { id: "e-guide-tag", source: "guide", target: "tag-engaged" },
    { id: "e-operator-tag", source: "operator-note", target: "tag-operator" },
    { id: "e-wait-reminder", source: "wait-12h", target: "reminder" },
    { id: "e-reminder-tag", source: "reminder", target: "tag-silent" },
    { id: "e-engaged-end", source: "tag-engaged", target: "end" },
    { id: "e-operator-end", source: "tag-operator", target: "end" },
    { id: "e-silent-end", source: "tag-silent", target: "end" },
  ],
};

const demos = [
  { name: "Delivery confirmation (demo)", graph: demo },
  { name: "Product X check-up (demo)", graph: checkUp },
];

// Each demo once, by name: a database seeded by an older release gains the newer demos.
for (const { name, graph } of demos) {
  if ((await db().automation.count({ where: { name } })) > 0) continue;
  const automation = await createAutomation({ name, graph });
  const { version } = await publishAutomation(automation.id);
  console.log(`[seed] created "${automation.name}" and published version ${version}`);
}
// A contact the check-up demo takes down its main path, to try it with Run for contact.
const demoContact = { phone: "+393331234567", name: "Giulia", tags: ["bought-x"], fields: { product: "Espresso Machine X" } };
if ((await db().contact.count({ where: { phone: demoContact.phone } })) === 0) {
  await db().contact.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, ...demoContact } });
  console.log(`[seed] created the demo contact ${demoContact.phone} (tag bought-x)`);
}
await db().$disconnect();
