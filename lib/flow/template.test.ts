import { describe, expect, it } from "vitest";
import { renderTemplate, unknownFields, type TemplateContext } from "./template.ts";

const context = (values: Partial<TemplateContext> = {}): TemplateContext => ({
  "contact.name": "Giulia",
  "contact.phone": "+393331234567",
  lastReply: "YES",
  ...values,
});

describe("renderTemplate", () => {
  it("fills every known field", () => {
    expect(renderTemplate("Hi {{contact.name}} ({{contact.phone}}), you said {{lastReply}}", context())).toBe(
      "Hi Giulia (+393331234567), you said YES",
    );
  });

  it("tolerates spaces inside the braces", () => {
    expect(renderTemplate("Hi {{ contact.name }}!", context())).toBe("Hi Giulia!");
  });

  it("uses the value, not the fallback, when there is one", () => {
    expect(renderTemplate("Hi {{contact.name | there}}!", context())).toBe("Hi Giulia!");
  });

  it.each([null, undefined, ""])("uses the fallback when the value is %j", (name) => {
    expect(renderTemplate("Hi {{contact.name | there}}!", context({ "contact.name": name }))).toBe("Hi there!");
  });

  it("keeps spaces inside a fallback but trims around it", () => {
    expect(renderTemplate("Hi {{contact.name |  dear friend  }}!", context({ "contact.name": null }))).toBe(
      "Hi dear friend!",
    );
  });

  it("renders a missing value without a fallback as empty text", () => {
    expect(renderTemplate("You said: {{lastReply}}.", context({ lastReply: undefined }))).toBe("You said: .");
  });

  it("renders an unknown field as its fallback, or empty", () => {
    expect(renderTemplate("[{{foo}}] [{{foo | bar}}]", context())).toBe("[] [bar]");
  });

  it("leaves text without fields untouched", () => {
    expect(renderTemplate("Plain {text} and { {braces} }", context())).toBe("Plain {text} and { {braces} }");
  });

  it("replaces every occurrence", () => {
    expect(renderTemplate("{{contact.name}}, {{contact.name}}!", context())).toBe("Giulia, Giulia!");
  });
});

describe("unknownFields", () => {
  it("is empty when every field is known, with or without a fallback", () => {
    expect(unknownFields("Hi {{contact.name | there}} {{contact.phone}} {{ lastReply }}")).toEqual([]);
  });

  it("lists unknown fields in order, including ones with a fallback", () => {
    expect(unknownFields("{{foo}} {{contact.name}} {{contact.email | none}} {{lastreply}}")).toEqual([
      "foo",
      "contact.email",
      "lastreply",
    ]);
  });

  it("is empty for text without fields", () => {
    expect(unknownFields("No fields here")).toEqual([]);
  });
});
