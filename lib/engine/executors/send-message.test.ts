import { describe, expect, it } from "vitest";
import { contextWith } from "./test-context.ts";
import type { z } from "zod";
import { sendMessageConfig } from "../../flow/nodes/send-message.ts";
import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { OutboundSend } from "../decision.ts";
import { executeSendMessage } from "./send-message.ts";

/** A published SendMessage step: its data parsed as publish would. */
const sendMessageNode = (data: z.input<typeof sendMessageConfig>): PublishedNodeOf<"sendMessage"> => ({
  id: "n",
  type: "sendMessage",
  position: { x: 0, y: 0 },
  data: sendMessageConfig.parse(data),
});

/** What the step sends (failing the test on any other decision). */
function sendOf(data: z.input<typeof sendMessageConfig>, context = contextWith()): OutboundSend {
  const decision = executeSendMessage(sendMessageNode(data), context);
  if (decision.kind !== "next" || !decision.send) throw new Error(`expected a send, got ${JSON.stringify(decision)}`);
  expect(decision.handle).toBe("default");
  return decision.send;
}

describe("executeSendMessage: the 24-hour window", () => {
  it("fails free text while the window is closed", () => {
    expect(executeSendMessage(sendMessageNode({ text: "Hi" }), contextWith({ sessionWindow: "closed" }))).toEqual({
      kind: "fail",
      reason: expect.stringContaining("24-hour window is closed"),
    });
  });

  it("sends a template while the window is closed", () => {
    expect(sendOf({ text: "Your order shipped", template: "order_shipped" }, contextWith({ sessionWindow: "closed" }))).toEqual({
      text: "Your order shipped",
      template: { name: "order_shipped", language: "en_US", params: [] },
    });
  });

  it.each(["open", "notEnforced"] as const)("sends free text when the window is %s", (sessionWindow) => {
    expect(sendOf({ text: "Hi" }, contextWith({ sessionWindow }))).toEqual({ text: "Hi" });
  });
});

describe("executeSendMessage: text", () => {
  it("renders dynamic fields and fallbacks", () => {
    const ctx = contextWith({ lastReply: "2 pizzas" }, { name: null, fields: { city: "Milano" } });
    expect(sendOf({ text: "Hi {{contact.name | there}} in {{contact.fields.city}}: you said {{lastReply}}" }, ctx).text).toBe("Hi there in Milano: you said 2 pizzas");
  });

  it("fails when the text is empty once filled in", () => {
    expect(executeSendMessage(sendMessageNode({ text: "{{contact.fields.greeting}}" }), contextWith({}, { fields: {} }))).toEqual({
      kind: "fail",
      reason: expect.stringContaining("empty once its fields are filled in"),
    });
  });

  it("counts a text of only spaces once filled in as empty", () => {
    expect(executeSendMessage(sendMessageNode({ text: "{{contact.name}} {{lastReply}}" }), contextWith({ lastReply: null }, { name: null }))).toMatchObject({ kind: "fail" });
  });

  it("sends no buttons or template keys when there are none", () => {
    const send = sendOf({ text: "Plain" });
    expect(send).not.toHaveProperty("buttons");
    expect(send).not.toHaveProperty("template");
  });
});

describe("executeSendMessage: templates", () => {
  it("renders the params with the contact's values, keeping the language", () => {
    const ctx = contextWith({}, { name: "Maria", fields: { order_id: "A-17" } });
    const template = { name: "order_update", language: "it", params: ["{{contact.name | cliente}}", "{{contact.fields.order_id}}", "{{contact.fields.eta | domani}}"] };
    expect(sendOf({ text: "Update for {{contact.name}}", template }, ctx)).toEqual({
      text: "Update for Maria",
      template: { name: "order_update", language: "it", params: ["Maria", "A-17", "domani"] },
    });
  });

  it("defaults the language to en_US", () => {
    expect(sendOf({ text: "x", template: { name: "promo", params: ["{{contact.phone}}"] } }).template).toEqual({ name: "promo", language: "en_US", params: ["+393331234567"] });
  });
});

describe("executeSendMessage: buttons", () => {
  it("passes the buttons through as configured", () => {
    const buttons = [
      { id: "yes", title: "Yes please" },
      { id: "no", title: "No thanks" },
    ];
    expect(sendOf({ text: "Want the offer, {{contact.name}}?", buttons })).toEqual({ text: "Want the offer, Maria?", buttons });
  });

  it("does not render dynamic fields in button titles", () => {
    // Titles are plain text in the config (publish does not read fields in them): sent as written.
    expect(sendOf({ text: "Pick", buttons: [{ id: "a", title: "{{contact.name}}" }] }).buttons).toEqual([{ id: "a", title: "{{contact.name}}" }]);
  });
});
