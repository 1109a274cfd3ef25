import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { graphEdgeSchema, graphNodeSchema, graphSchema } from "../../flow/graph.ts";
import { phoneSchema } from "../../phone.ts";
import { apiRoutes } from "./api-routes.ts";
import { API_TAGS, type ApiTag, type RouteEntry } from "./route-entry.ts";
import { securitySchemes } from "./security-schemes.ts";
import { toOperation } from "./to-operation.ts";

type OpenApiDocument = ReturnType<typeof createDocument>;

const TAG_DESCRIPTIONS: Record<ApiTag, string> = {
  Automations: "Draw, save and publish automations.",
  Runs: "Contacts going through a published version: start, watch, cancel.",
  Contacts: "The people automations talk to.",
  Messages: "Conversations, and the sandbox channel's inbound messages.",
  Settings: "The workspace's WhatsApp channel.",
  Webhooks: "Called by Meta, not by you.",
  System: "Health, metrics and this document.",
  Accounts: "Who you are, workspaces, members, invitations, API keys and the audit log. Signing in and out is better-auth's, under `/api/auth/*`.",
};

const DESCRIPTION = `JSON over HTTP. Authenticate with an API key from Settings → API keys (\`Authorization: Bearer rf_...\`) or a signed-in session's cookie; \`x-required-permission\` on each operation names what the caller's role must allow.

Every 4xx answers \`{"error": string, "issues"?: [{"path"?, "nodeId"?, "edgeId"?, "message"}]}\`; bad input is never a 5xx. Phones are E.164 (\`+393331234567\`). Lists are paged with an opaque \`cursor\`: pass the \`nextCursor\` of one page to get the next. Responses may gain fields over time.`;

let cached: OpenApiDocument | undefined;

/** The API's OpenAPI 3.1 document, built once per process from the schemas the routes parse with. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument(apiRoutes);
  return cached;
}

export function buildDocument(routes: readonly RouteEntry[]): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const entry of routes) {
    const item = (paths[entry.path] ??= {});
    if (item[entry.method]) throw new Error(`Documented twice: ${entry.method.toUpperCase()} ${entry.path}`);
    item[entry.method] = toOperation(entry);
  }
  const used = new Set(routes.map((entry) => entry.tag));
  return createDocument(
    {
      openapi: "3.1.0",
      // The contract's version (DESIGN.md "Public contract"), not the app's.
      info: { title: "Replyflow API", version: "1", description: DESCRIPTION },
      tags: API_TAGS.filter((tag) => used.has(tag)).map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
      paths,
      components: {
        securitySchemes,
        // lib's own schemas, named by instance: every use of them becomes a $ref.
        schemas: { Graph: graphSchema, GraphNode: graphNodeSchema, GraphEdge: graphEdgeSchema, Phone: phoneSchema },
      },
    },
    {
      override: ({ jsonSchema, zodSchema, io }) => {
        // Responses may gain fields (DESIGN.md grows in waves): a client must not refuse one it does not know.
        if (io === "output" && zodSchema._zod.def.type === "object" && jsonSchema.additionalProperties === false) {
          delete jsonSchema.additionalProperties;
        }
      },
    },
  );
}
