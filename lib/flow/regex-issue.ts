import { compileRegex } from "./rules.ts";

/** Why a pattern cannot be used, or null when it compiles (for publish-time checks). */
export function regexIssue(pattern: string): string | null {
  const compiled = compileRegex(pattern);
  return compiled.ok ? null : compiled.message;
}
