import { describe, expect, it } from "vitest";
import { awaitsReceipt, deliveryStatus, messageListSchema, messageSchema, RECEIPT_WINDOW_MS, type Message } from "../components/messages/message-schema.ts";
import { statusWords } from "../components/messages/status-words.ts";

const META_24H = "Message failed to send because more than 24 hours have passed since the customer last replied to this number.";

describe("statusWords", () => {
  it("names every status", () => {
    expect(statusWords("pending")).toBe("Sending");
    expect(statusWords("sent")).toBe("Sent");
    expect(statusWords("delivered")).toBe("Delivered");
    expect(statusWords("read")).toBe("Read");
  });

  it("gives Meta's words for a failure, and stays short without them", () => {
    expect(statusWords("failed", META_24H)).toBe(`Not delivered: ${META_24H}`);
    expect(statusWords("failed", "  spaced  ")).toBe("Not delivered: spaced");
    expect(statusWords("failed")).toBe("Not delivered");
    expect(statusWords("failed", null)).toBe("Not delivered");
    expect(statusWords("failed", "   ")).toBe("Not delivered");
  });

  it("ignores an error on a status that did not fail", () => {
    expect(statusWords("read", "stale error")).toBe("Read");
  });
});

const now = Date.parse("2026-05-04T12:00:00.000Z");
const base = { id: "m1", text: "Hi", at: new Date(now - 60_000).toISOString() };
const outbound = (extra: Partial<Message> = {}): Message => messageSchema.parse({ ...base, direction: "outbound", ...extra });

describe("messageSchema", () => {
  it("reads a message from a server without statuses, shown as sent", () => {
    const message = outbound();
    expect(message.status).toBeUndefined();
    expect(deliveryStatus(message)).toBe("sent");
  });

  it("gives inbound messages no status", () => {
    expect(deliveryStatus(messageSchema.parse({ ...base, direction: "inbound" }))).toBeNull();
  });

  it("reads a failure with Meta's words, code and template", () => {
    const message = outbound({ status: "failed", error: META_24H, errorCode: 131047, channel: "whatsapp", template: { name: "welcome", language: "en_US", params: ["Ada"] } });
    expect(deliveryStatus(message)).toBe("failed");
    expect(message).toMatchObject({ error: META_24H, errorCode: 131047, template: { name: "welcome", language: "en_US", params: ["Ada"] } });
  });

  it("does not drop a thread over a status or channel it does not know", () => {
    const list = messageListSchema.parse({ messages: [{ ...base, direction: "outbound", status: "deleted", channel: "sms" }], nextCursor: null });
    expect(list.messages[0]?.status).toBeUndefined();
    expect(list.messages[0]?.channel).toBeUndefined();
  });
});

describe("awaitsReceipt", () => {
  it("waits on pending anywhere, and on sent or delivered on WhatsApp", () => {
    expect(awaitsReceipt(outbound({ status: "pending" }), now)).toBe(true);
    expect(awaitsReceipt(outbound({ status: "sent", channel: "whatsapp" }), now)).toBe(true);
    expect(awaitsReceipt(outbound({ status: "delivered", channel: "whatsapp" }), now)).toBe(true);
  });

  it("stops at final statuses, on the sandbox, on old servers and for inbound messages", () => {
    expect(awaitsReceipt(outbound({ status: "read", channel: "whatsapp" }), now)).toBe(false);
    expect(awaitsReceipt(outbound({ status: "failed", channel: "whatsapp" }), now)).toBe(false);
    expect(awaitsReceipt(outbound({ status: "sent", channel: "sandbox" }), now)).toBe(false);
    expect(awaitsReceipt(outbound(), now)).toBe(false);
    expect(awaitsReceipt(messageSchema.parse({ ...base, direction: "inbound" }), now)).toBe(false);
  });

  it("gives up on messages older than the receipt window", () => {
    const old = new Date(now - RECEIPT_WINDOW_MS - 1).toISOString();
    expect(awaitsReceipt(outbound({ status: "pending", at: old }), now)).toBe(false);
    expect(awaitsReceipt(outbound({ status: "delivered", channel: "whatsapp", at: old }), now)).toBe(false);
  });
});
