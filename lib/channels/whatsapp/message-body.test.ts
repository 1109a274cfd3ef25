import { describe, expect, it } from "vitest";
import { messageBody } from "./message-body.ts";

const phone = { phone: "+393331234567", waUserId: null };

describe("messageBody", () => {
  it("free text goes to the phone's digits, with our id as callback data", () => {
    expect(messageBody(phone, { text: "Hi" }, "m1")).toEqual({
      messaging_product: "whatsapp", recipient_type: "individual", to: "393331234567", biz_opaque_callback_data: "m1",
      type: "text", text: { body: "Hi", preview_url: false },
    });
  });

  it("a contact known only by its user id is sent to as recipient", () => {
    const body = messageBody({ phone: null, waUserId: "US.123" }, { text: "Hi" }, "m1");
    expect(body).toMatchObject({ recipient: "US.123" });
    expect(body).not.toHaveProperty("to");
  });

  it("buttons make an interactive button message", () => {
    expect(messageBody(phone, { text: "Happy?", buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] }, "m1")).toMatchObject({
      type: "interactive",
      interactive: { type: "button", body: { text: "Happy?" }, action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Yes" } }, { type: "reply", reply: { id: "no", title: "No" } }] } },
    });
  });

  it("a template carries its language, body parameters and the buttons' payloads", () => {
    const body = messageBody(phone, { text: "shown", template: { name: "checkup", language: "it", params: ["Ada", "X"] }, buttons: [{ id: "ok", title: "OK" }] }, "m1");
    expect(body).toMatchObject({
      type: "template",
      template: {
        name: "checkup",
        language: { code: "it" },
        components: [
          { type: "body", parameters: [{ type: "text", text: "Ada" }, { type: "text", text: "X" }] },
          { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "ok" }] },
        ],
      },
    });
  });

  it("a template without parameters has no components", () => {
    expect(messageBody(phone, { text: "shown", template: { name: "hello", language: "en_US", params: [] } }, "m1")).toMatchObject({ template: { name: "hello", language: { code: "en_US" } } });
  });

  it("refuses a contact with neither phone nor user id", () => {
    expect(() => messageBody({ phone: null, waUserId: null }, { text: "Hi" }, "m1")).toThrow(/neither/);
  });
});
