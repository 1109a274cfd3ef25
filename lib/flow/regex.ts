import { RE2JS } from "re2js";

/** Longer patterns are refused at publish: nobody needs them for a reply, and they cost memory. */
export const MAX_PATTERN_LENGTH = 500;
/** Executors evaluate the same few patterns for many runs; this bounds memory for the rest. */
const CACHE_SIZE = 500;

type Compiled = { ok: true; regex: RE2JS } | { ok: false; message: string };
const cache = new Map<string, Compiled>();

/**
 * Whether `pattern` is a regular expression that `regexFinds` can run: RE2 syntax (no
 * backreferences or lookaround, which is what keeps matching linear-time), at most 500 characters.
 */
export function compileRegex(pattern: string): { ok: true } | { ok: false; message: string } {
  const result = compiledCached(pattern);
  return result.ok ? { ok: true } : result;
}

/**
 * Whether `pattern` occurs anywhere in `text`, ignoring case (a search, not a full match). RE2
 * runs in time linear in the text, so a hostile pattern such as `(a+)+$` cannot stall a worker.
 * An invalid pattern finds nothing: publish refuses it, so this only guards old or hand-made data.
 */
export function regexFinds(pattern: string, text: string): boolean {
  const result = compiledCached(pattern);
  return result.ok && result.regex.matcher(text).find();
}

function compiledCached(pattern: string): Compiled {
  // Checked before the cache so an oversized pattern never becomes a key.
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `Pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  const hit = cache.get(pattern);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const result = compile(pattern);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(pattern, result);
  return result;
}

function compile(pattern: string): Compiled {
  try {
    return { ok: true, regex: RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE) };
  } catch (error) {
    // RE2 reports lookaround as a bad group name, which would only confuse the person editing.
    const message = /\(\?<?[=!]/.test(pattern)
      ? "Invalid regular expression: lookahead and lookbehind are not supported"
      : describeError(error, pattern);
    return { ok: false, message };
  }
}

function describeError(error: unknown, pattern: string): string {
  if (!(error instanceof Error)) return "Invalid regular expression";
  const detail = "error" in error && typeof error.error === "string" ? error.error : error.message;
  const raw = "input" in error && typeof error.input === "string" ? error.input : "";
  // The case-insensitive flag reaches the parser as a "(?i)" prefix the person never typed; it
  // shows up when the quoted fragment starts at the beginning of the pattern.
  const rest = raw.slice(4);
  const flagged = raw.startsWith("(?i)") && pattern.startsWith(rest);
  const input = flagged ? rest : raw;
  return `Invalid regular expression: ${detail}${input ? ` (${input})` : ""}`;
}
