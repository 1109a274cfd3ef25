import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sameSecret, validSignature } from "./signature.ts";
import { inboundItems, statusItems, whatsappWebhookSchema } from "./webhook-payload.ts";

const webhook = (value: Record<string, unknown>) =>
  whatsappWebhookSchema.parse({ object: "whatsapp_business_account", entry: [{ id: "waba", changes: [{ field: "messages", value: { messaging_product: "whatsapp", ...value } }] }] });

describe("inboundItems", () => {
  it("reads text, button replies, list replies and template quick replies", () => {
    const payload = webhook({
      contacts: [{ wa_id: "393331234567", profile: { name: "Ada" } }],
      messages: [
        { from: "393331234567", id: "w1", timestamp: "1", type: "text", text: { body: "Hello" } },
        { from: "393331234567", id: "w2", type: "interactive", interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes" } } },
        { from: "393331234567", id: "w3", type: "interactive", interactive: { type: "list_reply", list_reply: { id: "l1", title: "Blue" } } },
        { from: "393331234567", id: "w4", type: "button", button: { payload: "ok", text: "OK" } },
        { from: "393331234567", id: "w5", type: "image", image: { caption: "my receipt" } },
      ],
    });
    expect(inboundItems(payload)).toEqual([
      { phone: "+393331234567", waUserId: null, name: "Ada", providerMessageId: "w1", text: "Hello" },
      { phone: "+393331234567", waUserId: null, name: "Ada", providerMessageId: "w2", text: "Yes", buttonId: "yes" },
      { phone: "+393331234567", waUserId: null, name: "Ada", providerMessageId: "w3", text: "Blue", buttonId: "l1" },
      { phone: "+393331234567", waUserId: null, name: "Ada", providerMessageId: "w4", text: "OK", buttonId: "ok" },
      { phone: "+393331234567", waUserId: null, name: "Ada", providerMessageId: "w5", text: "[image] my receipt" },
    ]);
  });

  it("a user with a username comes by business-scoped user id alone", () => {
    const payload = webhook({ contacts: [{ user_id: "US.42", profile: { name: "ada" } }], messages: [{ from_user_id: "US.42", id: "w1", type: "text", text: { body: "Hi" } }] });
    expect(inboundItems(payload)).toEqual([{ phone: null, waUserId: "US.42", name: "ada", providerMessageId: "w1", text: "Hi" }]);
  });
});

describe("statusItems", () => {
  it("reads statuses with their time, our callback data and Meta's error; unknown statuses are skipped", () => {
    const payload = webhook({
      statuses: [
        { id: "wamid.1", status: "delivered", timestamp: "1700000000", recipient_id: "393331234567", biz_opaque_callback_data: "m1" },
        { id: "wamid.2", status: "failed", timestamp: "1700000001", errors: [{ code: 131026, title: "Message undeliverable" }] },
        { id: "wamid.3", status: "deleted", timestamp: "1700000002" },
      ],
    });
    expect(statusItems(payload)).toEqual([
      { wamid: "wamid.1", status: "delivered", at: new Date(1_700_000_000_000), callbackData: "m1", error: null },
      { wamid: "wamid.2", status: "failed", at: new Date(1_700_000_001_000), callbackData: null, error: { code: 131026, title: "Message undeliverable" } },
    ]);
  });

  it("refuses what is not a WhatsApp webhook", () => {
    for (const body of [{ object: "page", entry: [] }, { object: "whatsapp_business_account" }, [], { object: "whatsapp_business_account", entry: [{ changes: [{ value: { messages: [{ id: "x" }] } }] }] }]) {
      expect(whatsappWebhookSchema.safeParse(body).success).toBe(false);
    }
  });
});

describe("signature", () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]} é');
  const sign = (bytes: Buffer, secret: string) => `sha256=${createHmac("sha256", secret).update(bytes).digest("hex")}`;

  it("is checked over the raw bytes", () => {
    expect(validSignature(body, sign(body, "s3cret"), "s3cret")).toBe(true);
    expect(validSignature(body, sign(body, "other"), "s3cret")).toBe(false);
    expect(validSignature(Buffer.concat([body, Buffer.from(" ")]), sign(body, "s3cret"), "s3cret")).toBe(false);
    expect(validSignature(body, null, "s3cret")).toBe(false);
    expect(validSignature(body, "sha256=short", "s3cret")).toBe(false);
  });

  it("verify tokens compare whatever their lengths", () => {
    expect(sameSecret("token", "token")).toBe(true);
    expect(sameSecret("token", "token2")).toBe(false);
    expect(sameSecret("", "token")).toBe(false);
  });
});
