import { describe, expect, it } from "vitest";
import { compileRegex, MAX_PATTERN_LENGTH, regexFinds } from "./regex.ts";

describe("regexFinds", () => {
  it("searches anywhere in the text, ignoring case", () => {
    expect(regexFinds("rossi", "Maria ROSSI")).toBe(true);
    expect(regexFinds("^rossi", "Maria Rossi")).toBe(false);
    expect(regexFinds("^$", "")).toBe(true);
    expect(regexFinds("café", "CAFÉ")).toBe(true);
    expect(regexFinds("^.$", "😀")).toBe(true);
  });

  it("finds nothing with an invalid pattern, every time it is asked", () => {
    expect(regexFinds("(", "(")).toBe(false);
    expect(regexFinds("(", "(")).toBe(false);
  });

  it("stays linear on hostile patterns and long texts", () => {
    const text = `${"a".repeat(50_000)}b`;
    const started = performance.now();
    expect(regexFinds("(a+)+$", text)).toBe(false);
    expect(regexFinds("(a*)*c", text)).toBe(false);
    expect(regexFinds("(x+x+)+y", "x".repeat(50_000))).toBe(false);
    expect(regexFinds("^(a|a)*b$", text)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("keeps answering correctly after more patterns than the cache holds", () => {
    for (let i = 0; i < 1200; i++) expect(regexFinds(`^n${i}$`, `N${i}`)).toBe(true);
    expect(regexFinds("^n0$", "n0")).toBe(true);
    expect(regexFinds("^n0$", "n1")).toBe(false);
  });
});

describe("compileRegex", () => {
  it("bounds pattern length at exactly 500", () => {
    expect(compileRegex("a".repeat(MAX_PATTERN_LENGTH))).toEqual({ ok: true });
    expect(compileRegex("a".repeat(MAX_PATTERN_LENGTH + 1)).ok).toBe(false);
  });

  it("refuses repetition nested past RE2's limit instead of building a huge program", () => {
    expect(compileRegex("((a{1,100}){1,100}){1,100}").ok).toBe(false);
  });

  it("keeps the person's own (?i) in the message", () => {
    const result = compileRegex("(?i)(x");
    expect(result).toEqual({ ok: false, message: expect.stringContaining("(?i)(x") });
  });
});
