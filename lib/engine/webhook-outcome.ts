import type { WebhookConfig } from "../flow/nodes/webhook.ts";
import type { WebhookResponse } from "../webhooks/safe-request.ts";
import type { ContactOp } from "./contact-ops.ts";
import { fieldText, valueAtPath } from "./json-path.ts";

/** How a call ended: an answer, or an error (refused by policy: no retry; network: retry). */
export type CallResult = { response: WebhookResponse } | { error: string; retryable: boolean; durationMs: number };

/** The n-th retry waits 5·5^(n-1) seconds: 5 s, 25 s, 125 s, ... (DESIGN.md). */
export const retryDelaySeconds = (retry: number) => 5 * 5 ** (retry - 1);

export const succeeded = (result: CallResult) => "response" in result && result.response.status >= 200 && result.response.status < 300;

/** Words for the history: "HTTP 201 in 84 ms: {"id": ...}" or the error. */
export function describeResult(result: CallResult): string {
  if ("error" in result) return result.error;
  const { status, durationMs, bodyExcerpt } = result.response;
  const excerpt = bodyExcerpt.trim().replace(/\s+/g, " ").slice(0, 300);
  return `HTTP ${status} in ${durationMs} ms${excerpt ? `: ${excerpt}` : ""}`;
}

/**
 * saveResponse: contact fields from dot paths of a JSON answer. A path the answer lacks (or an
 * answer that is not JSON) leaves its field as it was; the note says which.
 */
export function responseFields(config: Pick<WebhookConfig, "saveResponse">, response: WebhookResponse): { ops: ContactOp[]; note?: string } {
  const mapping = Object.entries(config.saveResponse ?? {});
  if (mapping.length === 0) return { ops: [] };
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return { ops: [], note: "the answer is not JSON, no field saved" };
  }
  const ops: ContactOp[] = [];
  const missing: string[] = [];
  for (const [key, path] of mapping) {
    const value = fieldText(valueAtPath(json, path));
    if (value === undefined) missing.push(path);
    else ops.push({ op: "setField", key, value });
  }
  return { ops, ...(missing.length ? { note: `not in the answer: ${missing.join(", ")}` } : {}) };
}
