import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { errorSchema } from "./error-schema.ts";
import type { ErrorStatus, RouteEntry, RouteResponse } from "./route-entry.ts";
import { signedIn } from "./security-schemes.ts";

/** One route entry as an OpenAPI operation: the entry's own answers plus those of the route wrapper. */
export function toOperation(entry: RouteEntry): ZodOpenApiOperationObject {
  const isPublic = entry.permission === "public";
  const errors: Partial<Record<ErrorStatus, string>> = {
    ...(isPublic ? {} : authErrors(entry.permission)),
    ...entry.errors,
  };
  const responses: ZodOpenApiResponsesObject = Object.fromEntries([
    ...Object.entries(entry.responses).map(([status, response]) => [status, toResponse(response)]),
    ...Object.entries(errors).map(([status, description]) => [status, toErrorResponse(status, description)]),
  ]);
  return {
    operationId: operationId(entry),
    tags: [entry.tag],
    summary: entry.summary,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.params ? { requestParams: entry.params } : {}),
    ...(entry.body ? { requestBody: { required: true, content: { "application/json": { schema: entry.body.schema } } } } : {}),
    responses,
    // An empty list overrides any default: these routes take no credentials at all.
    security: isPublic ? [] : signedIn,
    ...(isPublic ? {} : { "x-required-permission": entry.permission }),
  };
}

function toResponse({ description, schema, contentType = "application/json" }: RouteResponse): ZodOpenApiResponseObject {
  return schema ? { description, content: { [contentType]: { schema } } } : { description };
}

function toErrorResponse(status: string, description: string): ZodOpenApiResponseObject {
  const content = { "application/json": { schema: errorSchema } };
  return status === "429" ? { description, content, headers: retryAfter } : { description, content };
}

const retryAfter = z.object({ "retry-after": z.string().meta({ description: "Seconds to wait before trying again" }) });

const authErrors = (permission: string): Partial<Record<ErrorStatus, string>> => ({
  401: "No valid session cookie or API key",
  403: `The caller's role lacks the \`${permission}\` permission (or a signed-in browser's write came from another site)`,
});

/** `post /api/automations/{id}/publish` → `postAutomationsIdPublish`: stable, readable ids for client generators. */
function operationId({ method, path }: RouteEntry): string {
  const words = path
    .replace(/^\/api\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
