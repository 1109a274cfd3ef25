import type { z } from "zod";
import type { ZodOpenApiParameters } from "zod-openapi";
import type { Permission } from "../../auth/permissions.ts";

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The reference's sections, in the order it lists them. */
export const API_TAGS = ["Automations", "Runs", "Contacts", "Messages", "Settings", "Webhooks", "System", "Accounts"] as const;
export type ApiTag = (typeof API_TAGS)[number];

/** Answers with a body of their own shape (503 is the health check's). */
export type ResponseStatus = 200 | 201 | 202 | 204 | 503;
/** Answers with the error shape `{error, issues?}`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export type RouteResponse = {
  description: string;
  /** Absent for an empty body (204). */
  schema?: z.ZodType;
  /** `application/json` unless said otherwise. */
  contentType?: string;
};

/**
 * One operation of the API: one method on one path. The document is built from a list of these,
 * so documenting a route is adding one entry (test/openapi.test.ts fails until it is there).
 */
export type RouteEntry = {
  method: HttpMethod;
  /** OpenAPI style: `/api/automations/{id}` for `app/api/automations/[id]/route.ts`. */
  path: `/api/${string}`;
  tag: ApiTag;
  summary: string;
  description?: string;
  /** What the caller's role must allow (lib/auth/permissions.ts), or "public": no session or key needed. */
  permission: Permission | "public";
  /** The schemas of its path, query and header parameters (the route's own, where it parses them). */
  params?: ZodOpenApiParameters;
  /** The schema the route parses its body with. */
  body?: { schema: z.ZodType };
  responses: Partial<Record<ResponseStatus, RouteResponse>>;
  /** Failures besides 401/403 (added to every non-public route), each with when it happens. */
  errors?: Partial<Record<ErrorStatus, string>>;
};
