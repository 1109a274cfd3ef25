import { z } from "zod";
import { eventsQuery } from "../../live/events-query.ts";
import type { RouteEntry } from "./route-entry.ts";
import { healthSchema, openApiObjectSchema, unhealthySchema } from "./system-responses.ts";

export const systemRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/health",
    tag: "System",
    summary: "Health check",
    description: "200 when the database and the queue answer. Public, for load balancers.",
    permission: "public",
    responses: {
      200: { description: "Healthy", schema: healthSchema },
      503: { description: "The database or the queue does not answer", schema: unhealthySchema },
    },
  },
  {
    method: "get",
    path: "/api/metrics",
    tag: "System",
    summary: "Prometheus metrics",
    description: "The scrape endpoint (docs/observability.md): fleet-wide numbers, so admins only.",
    permission: "metrics:read",
    responses: { 200: { description: "Prometheus text exposition format", schema: z.string(), contentType: "text/plain; version=0.0.4" } },
  },
  {
    method: "get",
    path: "/api/events",
    tag: "System",
    summary: "Live change notices (server-sent events)",
    description:
      "A text/event-stream of the workspace's changes: `event: change` with data `{topic: runs|messages|conversations, automationIds?, ids?, more?}` (ids only: read the records through the API), `event: resync` when notices may have been missed (reload everything shown), a comment ping every 20 s. The stream ends after `seconds` (at most 10 minutes); EventSource reconnects by itself.",
    permission: "read",
    params: { query: eventsQuery },
    responses: { 200: { description: "The event stream", schema: z.string(), contentType: "text/event-stream" } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "System",
    summary: "This API description",
    description: "The OpenAPI 3.1 document the API reference page (`/api-reference`) renders.",
    permission: "read",
    responses: { 200: { description: "The OpenAPI document", schema: openApiObjectSchema } },
  },
];
