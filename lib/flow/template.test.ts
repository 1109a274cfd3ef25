import { describe, expect, it } from "vitest";
import { parseTemplate, renderTemplate, unknownFields, usesLastReply, type TemplateContext } from "./template.ts";

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

describe("parseTemplate", () => {
  it("splits text and fields, with the fallback trimmed and absent when there is no bar", () => {
    expect(parseTemplate("Hi {{ contact.name |  dear friend }}, {{lastReply}}!")).toEqual([
      { type: "text", text: "Hi " },
      { type: "field", name: "contact.name", fallback: "dear friend" },
      { type: "text", text: ", " },
      { type: "field", name: "lastReply", fallback: undefined },
      { type: "text", text: "!" },
    ]);
  });

  it("reads dotted names with underscores and digits (contact.fields.<key>)", () => {
    expect(parseTemplate("{{contact.fields.order_id2 | none}}")).toEqual([
      { type: "field", name: "contact.fields.order_id2", fallback: "none" },
    ]);
  });

  it("keeps an empty fallback as empty text, and bars after the first inside it", () => {
    expect(parseTemplate("{{a|}}{{b | x|y }}")).toEqual([
      { type: "field", name: "a", fallback: "" },
      { type: "field", name: "b", fallback: "x|y" },
    ]);
  });

  it("leaves malformed fields as text", () => {
    for (const text of ["{{}}", "{{a b}}", "{{a}x}}", "{{a|b}", "{{a|b} }}", "{{ -a }}", "{ {a}}", "{{a"]) {
      expect(parseTemplate(text)).toEqual([{ type: "text", text }]);
    }
  });

  it("matches the innermost field of nested braces, as the old regular expression did", () => {
    expect(parseTemplate("{{{{a}}}}")).toEqual([
      { type: "text", text: "{{" },
      { type: "field", name: "a", fallback: undefined },
      { type: "text", text: "}}" },
    ]);
    expect(parseTemplate("{{a|{{b}}}}")).toEqual([
      { type: "field", name: "a", fallback: "{{b" },
      { type: "text", text: "}}" },
    ]);
  });

  it("agrees with the old regular expression on 20,000 short random texts", () => {
    const alphabet = ["{{", "}}", "{", "}", "|", " ", "a", ".", "_", "\n", "\u00a0", "x-", "lastReply", "contact.name"];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 16);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      expect(renderTemplate(text, context({ lastReply: "R" })), JSON.stringify(text)).toBe(referenceRender(text));
      expect(unknownFields(text), JSON.stringify(text)).toEqual(referenceUnknown(text));
    }
  });
});

// Inputs a backtracking matcher takes minutes or hours on (cubic or quadratic in their length):
// a regression hangs these past the test timeout; a linear scan answers at once.
describe("hostile texts", () => {
  const n = 100_000;

  it("an unterminated fallback followed by a long run of spaces", () => {
    const text = `{{a|${" ".repeat(n)}x`;
    expect(unknownFields(text)).toEqual([]);
    expect(usesLastReply(text)).toBe(false);
    expect(renderTemplate(text, context())).toBe(text);
  });

  it("a fallback of many spaces that does end", () => {
    const text = `{{lastReply |${" ".repeat(n)}}}`;
    expect(usesLastReply(text)).toBe(true);
    expect(renderTemplate(text, context({ lastReply: null }))).toBe("");
  });

  it("many openings without a closing", () => {
    const text = "{{".repeat(n);
    expect(unknownFields(text)).toEqual([]);
    expect(renderTemplate(text, context())).toBe(text);
  });

  it("many unterminated fields", () => {
    const text = "{{a|".repeat(n);
    expect(unknownFields(text)).toEqual([]);
    expect(renderTemplate(text, context())).toBe(text);
  });

  it("many unterminated fields with a lone closing brace at the end", () => {
    const text = `${"{{lastReply | b ".repeat(n)}}x`;
    expect(usesLastReply(text)).toBe(false);
    expect(renderTemplate(text, context())).toBe(text);
  });

  it("long names and long runs of spaces around them", () => {
    const name = "a.".repeat(n);
    expect(unknownFields(`{{ ${name} }} {{${" ".repeat(n)}lastReply${" ".repeat(n)}}}`)).toEqual([name]);
    expect(renderTemplate(`{{${name}${" ".repeat(n)}x`, context())).toBe(`{{${name}${" ".repeat(n)}x`);
  });

  it("many nested openings around one field", () => {
    const text = `${"{".repeat(n)}contact.name}}`;
    expect(renderTemplate(text, context())).toBe(`${"{".repeat(n - 2)}Giulia`);
  });

  it("many complete fields", () => {
    expect(renderTemplate("{{contact.name}}".repeat(n), context())).toBe("Giulia".repeat(n));
  });
});

/** The regular expression this module used to use: the reference for its semantics on short texts. */
const OLD_FIELD = /\{\{\s*([\w.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;
const known = ["contact.name", "contact.phone", "lastReply"];

function referenceRender(text: string): string {
  const values: Record<string, string> = { "contact.name": "Giulia", "contact.phone": "+393331234567", lastReply: "R" };
  return text.replace(OLD_FIELD, (_match, name: string, fallback: string | undefined) => values[name] || (fallback ?? ""));
}

const referenceUnknown = (text: string) =>
  [...text.matchAll(OLD_FIELD)].map((m) => m[1] ?? "").filter((name) => !known.includes(name));
