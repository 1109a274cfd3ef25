import { describe, expect, it } from "vitest";
import { configHelpers } from "./config-test-helpers.ts";

const { issuesOf, parsedData, publishIssues } = configHelpers("sendMessage");

const button = (id: string, title = id) => ({ id, title });

describe("sendMessage config: text", () => {
  it("accepts text and trims it", () => {
    expect(parsedData({ text: "  Hi {{contact.name | there}}  " })).toEqual({ text: "Hi {{contact.name | there}}" });
  });

  it.each(["", "   "])("refuses empty text %j", (text) => {
    expect(issuesOf({ text })).toEqual([{ path: "text", message: "Write the message" }]);
  });

  it("refuses text longer than WhatsApp's 4096 characters, and takes exactly 4096", () => {
    expect(issuesOf({ text: "a".repeat(4096) })).toEqual([]);
    expect(issuesOf({ text: "a".repeat(4097) })).toEqual([{ path: "text", message: "At most 4096 characters" }]);
  });
});

describe("sendMessage config: dynamic fields", () => {
  it.each([
    "Hi {{contact.name}}",
    "Your number {{contact.phone}}",
    "You said {{lastReply | nothing}}",
    "Ciao from {{contact.fields.city}}",
    "{{ contact.fields.order_id | none }}",
  ])("accepts the known field in %j", (text) => {
    expect(issuesOf({ text })).toEqual([]);
  });

  it.each(["Hi {{foo}}", "Hi {{contact.email}}", "Hi {{contact.fields}}", "Hi {{contact.fields.Bad}}", "Hi {{contact.fields.1st}}"])(
    "refuses the unknown field in %j, at the text",
    (text) => {
      const issues = issuesOf({ text });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toEqual({ path: "text", message: expect.stringMatching(/^Unknown field \{\{/) });
    },
  );

  // "{{contact.fields.Bad-Key}}" does not parse as a field (names are [A-Za-z0-9_.]); it would
  // go out verbatim, so publish refuses braces that look like a field and are not one.
  it("refuses {{contact.fields.Bad-Key}} (a field key with capitals and a hyphen)", () => {
    expect(issuesOf({ text: "Hi {{contact.fields.Bad-Key}}" })).toEqual([
      { path: "text", message: expect.stringContaining("{{contact.fields.Bad-Key}} is not a field") },
    ]);
  });
});

describe("sendMessage config: buttons", () => {
  it("accepts up to 3 buttons and keeps them trimmed", () => {
    expect(parsedData({ text: "Pick", buttons: [button(" yes ", " Yes "), button("no", "No"), button("later", "Later")] })).toEqual({
      text: "Pick",
      buttons: [button("yes", "Yes"), button("no", "No"), button("later", "Later")],
    });
  });

  it("refuses a 4th button", () => {
    expect(issuesOf({ text: "Pick", buttons: [button("a"), button("b"), button("c"), button("d")] })).toEqual([
      { path: "buttons", message: "At most 3 buttons" },
    ]);
  });

  it("takes a 20-character title and refuses 21", () => {
    expect(issuesOf({ text: "Pick", buttons: [button("a", "x".repeat(20))] })).toEqual([]);
    expect(issuesOf({ text: "Pick", buttons: [button("a", "x".repeat(21))] })).toEqual([
      { path: "buttons.0.title", message: "Button titles are at most 20 characters" },
    ]);
  });

  it.each(["", "   "])("refuses an empty title %j", (title) => {
    expect(issuesOf({ text: "Pick", buttons: [button("a", "A"), button("b", title)] })).toEqual([
      { path: "buttons.1.title", message: "Give the button a title" },
    ]);
  });

  it("refuses an empty button id", () => {
    expect(issuesOf({ text: "Pick", buttons: [button(" ", "A")] })).toEqual([{ path: "buttons.0.id", message: "Give the button an id" }]);
  });

  it("refuses a duplicate id, at the index of the second use", () => {
    expect(issuesOf({ text: "Pick", buttons: [button("yes", "Yes"), button("no", "No"), button("yes", "Sure")] })).toEqual([
      { path: "buttons.2.id", message: 'Button id "yes" is used twice' },
    ]);
  });

  it("compares ids after trimming", () => {
    expect(issuesOf({ text: "Pick", buttons: [button("yes", "Yes"), button(" yes ", "Sure")] })).toEqual([
      { path: "buttons.1.id", message: 'Button id "yes" is used twice' },
    ]);
  });
});

describe("sendMessage config: template", () => {
  it("normalises a bare template name to {name}", () => {
    expect(parsedData({ text: "Order shipped", template: "order_shipped" })).toEqual({ text: "Order shipped", template: { name: "order_shipped" } });
  });

  it("drops an empty template name (no template)", () => {
    expect(parsedData({ text: "Hi", template: "" })).toEqual({ text: "Hi" });
  });

  it("accepts a template object with language and params, keeping them", () => {
    const template = { name: "order_update", language: "it", params: ["{{contact.name | cliente}}", "{{contact.fields.order_id}}"] };
    expect(parsedData({ text: "Update", template })).toEqual({ text: "Update", template });
    expect(issuesOf({ text: "Update", template: { name: "order_update", language: "en_US" } })).toEqual([]);
  });

  it.each(["Order Shipped", "order-shipped"])("refuses the template name %j", (name) => {
    expect(issuesOf({ text: "Hi", template: { name } })).toEqual([
      { path: "template.name", message: "Template names use lowercase letters, digits and underscores" },
    ]);
    // A bare string is shorthand for {name}: the same issue, at the same place.
    expect(issuesOf({ text: "Hi", template: name })).toEqual([
      { path: "template.name", message: "Template names use lowercase letters, digits and underscores" },
    ]);
  });

  it.each(["english", "EN", "en-US", "en_us"])("refuses the language %j", (language) => {
    expect(issuesOf({ text: "Hi", template: { name: "promo", language } })).toEqual([
      { path: "template.language", message: "Languages look like en_US or it" },
    ]);
  });

  it("refuses an unknown field in a param, at that param", () => {
    expect(issuesOf({ text: "Hi", template: { name: "promo", params: ["{{contact.name}}", "{{coupon}}"] } })).toEqual([
      { path: "template.params.1", message: expect.stringContaining("Unknown field {{coupon}}") },
    ]);
  });

  it("refuses more than 20 params (whatever the message)", () => {
    expect(issuesOf({ text: "Hi", template: { name: "promo", params: Array.from({ length: 20 }, () => "x") } })).toEqual([]);
    expect(issuesOf({ text: "Hi", template: { name: "promo", params: Array.from({ length: 21 }, () => "x") } })).toEqual([
      { path: expect.stringMatching(/^template/), message: expect.any(String) },
    ]);
  });

  it("accepts a contact field in a param", () => {
    expect(issuesOf({ text: "Hi", template: { name: "promo", params: ["{{contact.fields.city}}"] } })).toEqual([]);
  });

  // BUG: the params array's max(20) aborts its branch of the template union, so zod reports the
  // whole union instead: path "template", message "Invalid input" (at publish "Send message:
  // Invalid input"). The schema's own "At most 20 parameters" never reaches the person editing.
  it("refuses more than 20 params with its own message, at template.params", () => {
    expect(issuesOf({ text: "Hi", template: { name: "promo", params: Array.from({ length: 21 }, () => "x") } })).toEqual([
      { path: "template.params", message: "At most 20 parameters" },
    ]);
  });
});

describe("sendMessage at publish", () => {
  it("names the node, the path and the label in every issue", () => {
    const issues = publishIssues({ text: "Hi {{foo}}", buttons: [button("a"), button("a")] });
    expect(issues).toEqual([
      { nodeId: "n", path: "text", message: expect.stringMatching(/^Send message: Unknown field \{\{foo\}\}/) },
      { nodeId: "n", path: "buttons.1.id", message: 'Send message: Button id "a" is used twice' },
    ]);
  });

  it("publishes valid data", () => {
    expect(publishIssues({ text: "Hi", template: "promo", buttons: [button("a")] })).toEqual([]);
  });
});
