/**
 * What a send's answer means for the outbox (LIBRARIES.md, Meta's error codes):
 * - `sent`: accepted, with Meta's message id;
 * - `retry`: not sent, try again later (rate limits, 5xx, network, timeouts), after `afterSeconds`;
 * - `refused`: not sent and never will be as it is (24-hour window, undeliverable, template errors,
 *   a bad request or token): the message fails with Meta's words.
 */
export type SendResult =
  | { kind: "sent"; wamid: string }
  | { kind: "retry"; reason: string; code: number | null; afterSeconds: number; inDoubt?: boolean }
  | { kind: "refused"; reason: string; code: number | null };

/** Per-number throughput (130429) and spam/marketing per-user limits (131048/131049): back off. */
const THROTTLED = new Set([130429, 131048, 131049, 80007]);
/** Same business to the same user too often (about one per 6 s): delay that recipient. */
const PAIR_LIMIT = 131056;
/** Meta's own temporary failures. */
const TEMPORARY = new Set([1, 2, 4, 17, 341, 131000, 131016, 133004]);

/** Exponential backoff with jitter, capped: attempt 1 → ~1 s, 2 → ~2 s, ... up to `cap`. */
export const backoffSeconds = (attempt: number, cap = 60) => Math.min(cap, 2 ** Math.max(0, attempt - 1)) * (0.75 + Math.random() * 0.5);

type MetaError = { code?: unknown; title?: unknown; message?: unknown; error_data?: { details?: unknown } };

/** Classifies an HTTP answer of POST /{phone-number-id}/messages. */
export function classifyAnswer(status: number, body: unknown, attempt: number): SendResult {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (status >= 200 && status < 300) {
    const messages = record.messages;
    const wamid = Array.isArray(messages) && typeof messages[0]?.id === "string" ? (messages[0].id as string) : null;
    return wamid ? { kind: "sent", wamid } : { kind: "retry", reason: `HTTP ${status} without a message id`, code: null, afterSeconds: backoffSeconds(attempt) };
  }
  const error = (typeof record.error === "object" && record.error !== null ? record.error : {}) as MetaError;
  const code = typeof error.code === "number" ? error.code : null;
  const reason = metaWords(error, status);
  if (code === PAIR_LIMIT) return { kind: "retry", reason, code, afterSeconds: 6 + backoffSeconds(attempt, 30) };
  if ((code !== null && THROTTLED.has(code)) || status === 429) return { kind: "retry", reason, code, afterSeconds: backoffSeconds(attempt + 1) };
  if (status >= 500 || (code !== null && TEMPORARY.has(code)) || status === 408) return { kind: "retry", reason, code, afterSeconds: backoffSeconds(attempt) };
  return { kind: "refused", reason, code };
}

/** Meta's words: the details when given, else the title or message, with the code. */
export function metaWords(error: MetaError, status?: number): string {
  const details = typeof error.error_data?.details === "string" ? error.error_data.details : null;
  // Send errors carry "(#131047) Re-engagement message" as message; status errors a title.
  const title = typeof error.title === "string" ? error.title : typeof error.message === "string" ? error.message.replace(/^\(#\d+\)\s*/, "") : null;
  const words = [title, details && details !== title ? details : null].filter(Boolean).join(": ") || (status ? `HTTP ${status}` : "Unknown error");
  return typeof error.code === "number" ? `${words} (code ${error.code})` : words;
}

/** Refusals before the request left: it cannot have been sent. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * A request that got no answer: try again. A refused connection was never sent; a timeout or a
 * reset may have reached Meta, so it is `inDoubt`: retried only after the doubt window, and only if
 * no status webhook meanwhile says it went out (see deliver-messages.ts).
 */
export function networkFailure(error: unknown, attempt: number): SendResult {
  const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as Error & { code?: string }) : undefined;
  const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  return {
    kind: "retry",
    reason: timedOut ? "WhatsApp did not answer in time" : `Could not reach WhatsApp: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`,
    code: null,
    afterSeconds: backoffSeconds(attempt),
    inDoubt: !(cause?.code && NOT_SENT.has(cause.code)),
  };
}
