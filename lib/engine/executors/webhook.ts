import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import { renderTemplate } from "../../flow/template.ts";
import type { Executor } from "../decision.ts";
import { describeTarget } from "../../flow/webhook-target.ts";
import { templateContext } from "./template-context.ts";

/**
 * Fills in the request and hands it to the outbox (the call itself happens outside any
 * transaction, in the webhook-call job). Values in the URL are percent-encoded; in a JSON body
 * they are escaped as JSON string content, so a name with a quote cannot break the document.
 */
export const executeWebhook: Executor<PublishedNodeOf<"webhook">> = (node, context) => {
  const { method, url, headers = {}, body, timeoutSeconds, retries } = node.data;
  const values = templateContext(context);
  const renderedUrl = renderTemplate(url, values, encodeURIComponent);
  if (!/^https?:\/\//i.test(renderedUrl) || !URL.canParse(renderedUrl)) {
    return { kind: "fail", reason: `Webhook ${node.id}: "${renderedUrl.slice(0, 200)}" is not an http(s) URL once its fields are filled in` };
  }
  // JSON when it opens like a document: `{` or `[`, but not a leading `{{field}}`.
  const json = body !== undefined && looksLikeJson(body);
  const renderedBody = body === undefined || method === "GET" ? undefined : renderTemplate(body, values, json ? jsonStringContent : undefined);
  const renderedHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, renderTemplate(value, values).replace(/[\r\n]+/g, " ")]));
  const hasContentType = Object.keys(renderedHeaders).some((name) => name.toLowerCase() === "content-type");
  if (renderedBody !== undefined && !hasContentType) renderedHeaders["Content-Type"] = json ? "application/json" : "text/plain; charset=utf-8";
  const attempts = retries + 1;
  const where = describeTarget(method, renderedUrl);
  return {
    kind: "callWebhook",
    request: { method, url: renderedUrl, headers: renderedHeaders, ...(renderedBody !== undefined ? { body: renderedBody } : {}), timeoutMs: timeoutSeconds * 1000 },
    attempts,
    detail: `Calling ${where}${attempts > 1 ? ` (attempt ${context.attempt} of ${attempts})` : ""}`,
  };
};

const jsonStringContent = (value: string) => JSON.stringify(value).slice(1, -1);

function looksLikeJson(body: string): boolean {
  const start = body.trimStart();
  return start.startsWith("[") || (start.startsWith("{") && !start.startsWith("{{"));
}
