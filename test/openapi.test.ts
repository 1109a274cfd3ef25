import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { acceptInvitation, createInvitation, describeInvitation, listInvitations } from "../lib/accounts/invitations.ts";
import type { listMembers } from "../lib/accounts/members.ts";
import type { createWorkspace, userWorkspaces } from "../lib/accounts/workspaces.ts";
import type { createApiKey, listApiKeys, revokeApiKey } from "../lib/auth/api-keys.ts";
import type { getAutomation, publishAutomation } from "../lib/automations/automations.ts";
import type { listAutomations } from "../lib/automations/list-automations.ts";
import { createAutomationInput } from "../lib/automations/automations.ts";
import type { getContact } from "../lib/contacts/get-contact.ts";
import type { listContacts } from "../lib/contacts/list-contacts.ts";
import type { patchContact } from "../lib/contacts/patch-contact.ts";
import type { upsertContact } from "../lib/contacts/upsert-contact.ts";
import type { listFieldKeys } from "../lib/contacts/field-keys.ts";
import type { receiveInbound } from "../lib/engine/receive-inbound.ts";
import type { startRuns } from "../lib/engine/start-runs.ts";
import type { contactMessages } from "../lib/runs/contact-messages.ts";
import type { listRuns } from "../lib/runs/list-runs.ts";
import type { getRun } from "../lib/runs/runs.ts";
import type { checkWhatsappConnection, getWhatsappSettings } from "../lib/settings/whatsapp-settings.ts";
import { PERMISSIONS } from "../lib/auth/permissions.ts";
import {
  acceptedInvitationSchema,
  apiKeyListSchema,
  apiKeySchema,
  createdApiKeySchema,
  createdInvitationSchema,
  invitationListSchema,
  invitationOfferSchema,
  memberListSchema,
  workspaceListSchema,
  workspaceSchema,
} from "../lib/api/openapi/account-responses.ts";
import { automationListSchema, automationSchema, publishResultSchema } from "../lib/api/openapi/automation-responses.ts";
import { contactListSchema, contactSchema, contactWithRunsSchema, fieldKeysSchema } from "../lib/api/openapi/contact-responses.ts";
import { inboundResultSchema, messageListSchema, messageSchema } from "../lib/api/openapi/message-responses.ts";
import { openApiDocument } from "../lib/api/openapi/openapi-document.ts";
import { API_TAGS, HTTP_METHODS } from "../lib/api/openapi/route-entry.ts";
import { runDetailSchema, runListSchema, startedRunsSchema } from "../lib/api/openapi/run-responses.ts";
import { SESSION_COOKIE } from "../lib/api/openapi/security-schemes.ts";
import { connectionCheckSchema, whatsappSettingsSchema } from "../lib/api/openapi/settings-responses.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const API_DIR = path.join(ROOT, "app/api");

/**
 * Route files deliberately left out of the document, and why. better-auth answers everything
 * under its catch-all (sign-in, sign-out, session, password reset) and documents its own
 * endpoints; restating them here would drift with every better-auth release.
 */
const UNDOCUMENTED: Record<string, string> = {
  "/api/auth/[...all]": "better-auth's own endpoints",
};

const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

type RouteFile = { file: string; path: string; source: string; methods: string[] };

/** Every `app/api/**\/route.ts` with its URL path in OpenAPI style and the HTTP methods it exports. */
function routeFiles(): RouteFile[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.(ts|js)$/.test(file))
    .map((file) => {
      const source = readFileSync(path.join(API_DIR, file), "utf8");
      return { file, path: urlPath(path.dirname(file)), source, methods: exportedMethods(source) };
    });
}

/** `automations/[id]/runs` → `/api/automations/{id}/runs`; route groups `(x)` are not in the URL; catch-alls stay as written. */
function urlPath(dir: string): string {
  const segments = dir === "." ? [] : dir.split(path.sep);
  return ["/api", ...segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (/^\[[^.[\]]+\]$/.test(s) ? `{${s.slice(1, -1)}}` : s))].join("/");
}

/** `export const GET = ...`, `export async function GET`, `export const { GET, POST } = ...`, `export { handler as GET }`. */
function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    // `{ GET: get }` binds (and exports) `get`.
    for (const part of m[1]!.split(",")) names.add(part.split(":").at(-1)!.trim());
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) names.add(part.split(/\s+as\s+/).at(-1)!.trim());
  }
  return [...names].filter((name) => ROUTE_METHODS.includes(name)).sort();
}

/** What the route file itself says a method needs: `route("perm", ...)`, `publicRoute(...)`, or unknown. */
function declaredPermission(source: string, method: string): string | undefined {
  const match = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*(publicRoute|route)\\s*(?:<[^>]*>)?\\(\\s*(?:"([^"]*)")?`).exec(source);
  if (!match) return undefined;
  return match[1] === "publicRoute" ? "public" : match[2];
}

const doc = openApiDocument();
const paths = doc.paths ?? {};

type Operation = NonNullable<NonNullable<typeof paths>[string]["get"]>;

const operations: { method: string; path: string; operation: Operation }[] = Object.entries(paths).flatMap(([p, item]) =>
  HTTP_METHODS.flatMap((method) => {
    const operation = item[method];
    return operation ? [{ method: method.toUpperCase(), path: p, operation }] : [];
  }),
);

const permissionOf = (operation: Operation): string => operation["x-required-permission"] ?? "public";

describe("the OpenAPI document covers the API", () => {
  const files = routeFiles();

  it("finds the route files (the detection itself works)", () => {
    const automations = files.find((f) => f.path === "/api/automations/{id}");
    expect(automations?.methods).toEqual(["GET", "PUT"]);
    expect(exportedMethods("export const { GET, POST } = toNextJsHandler(auth);")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const h = () => 1;\nexport { h as GET, h as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export async function DELETE() {}\nexport const dynamic = 'force-dynamic';")).toEqual(["DELETE"]);
  });

  it("documents every exported method of every route file", () => {
    const missing = files.flatMap((f) =>
      f.path in UNDOCUMENTED ? [] : f.methods.filter((m) => !operationAt(f.path, m)).map((m) => `${m} ${f.path} (app/api/${f.file})`),
    );
    expect(missing, "add an entry in lib/api/openapi/*-routes.ts for each").toEqual([]);
  });

  it("documents nothing that has no route", () => {
    const byPath = new Map(files.map((f) => [f.path, f]));
    const extra = operations.filter(({ method, path: p }) => !byPath.get(p)?.methods.includes(method)).map(({ method, path: p }) => `${method} ${p}`);
    expect(extra).toEqual([]);
  });

  it("skips only route files that exist", () => {
    for (const skipped of Object.keys(UNDOCUMENTED)) expect(files.some((f) => f.path === skipped), skipped).toBe(true);
  });

  it("names the permission each route file checks", () => {
    const byPath = new Map(files.map((f) => [f.path, f]));
    const wrong = operations.flatMap(({ method, path: p, operation }) => {
      const declared = declaredPermission(byPath.get(p)?.source ?? "", method);
      return declared === undefined || declared === permissionOf(operation) ? [] : [`${method} ${p}: route says ${declared}, document says ${permissionOf(operation)}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe("the OpenAPI document is well formed", () => {
  it("is OpenAPI 3.1.0 with a title and a version", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
  });

  it("gives every operation a summary, one known tag, a unique id and responses", () => {
    const ids = new Set<string>();
    for (const { method, path: p, operation } of operations) {
      const where = `${method} ${p}`;
      expect(operation.summary, where).toBeTruthy();
      expect(operation.tags, where).toHaveLength(1);
      expect(API_TAGS, where).toContain(operation.tags?.[0]);
      expect(operation.operationId, where).toBeTruthy();
      expect(ids.has(operation.operationId ?? ""), `${where}: duplicate operationId`).toBe(false);
      ids.add(operation.operationId ?? "");
      expect(Object.keys(operation.responses ?? {}).length, where).toBeGreaterThan(0);
    }
  });

  it("declares each path parameter, and only those", () => {
    for (const { method, path: p, operation } of operations) {
      const inPath = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? []).flatMap((param) => ("in" in param && param.in === "path" ? [param] : []));
      expect(declared.map((param) => param.name).sort(), `${method} ${p}`).toEqual(inPath);
      for (const param of declared) expect(param.required, `${method} ${p} {${param.name}}`).toBe(true);
    }
  });

  it("secures every operation but health and Meta's webhook, naming a known permission", () => {
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    expect(schemes.sort()).toEqual(["bearerAuth", "sessionCookie"]);
    for (const { method, path: p, operation } of operations) {
      const where = `${method} ${p}`;
      if (permissionOf(operation) === "public") {
        expect(operation.security, where).toEqual([]);
        continue;
      }
      expect(PERMISSIONS, where).toContain(operation["x-required-permission"]);
      expect(operation.security, where).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
      expect(Object.keys(operation.responses ?? {}), where).toEqual(expect.arrayContaining(["401", "403"]));
    }
    const publicOps = (p: string, method: "get" | "post") => paths[p]?.[method]?.security;
    expect(publicOps("/api/health", "get")).toEqual([]);
    expect(publicOps("/api/webhooks/whatsapp", "get")).toEqual([]);
    expect(publicOps("/api/webhooks/whatsapp", "post")).toEqual([]);
  });

  it("answers 4xx with the error shape", () => {
    for (const { method, path: p, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!status.startsWith("4")) continue;
        expect(response, `${method} ${p} ${status}`).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
      }
    }
    expect(doc.components?.schemas?.Error).toMatchObject({ required: ["error"], properties: { error: { type: "string" }, issues: { type: "array" } } });
  });

  it("resolves every $ref inside the document", () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(10);
    const broken = refs.filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
  });

  it("names the session cookie the way better-auth is configured", () => {
    const authSource = path.join(ROOT, "lib/auth/auth.ts");
    const prefix = existsSync(authSource) ? /cookiePrefix:\s*"([^"]+)"/.exec(readFileSync(authSource, "utf8"))?.[1] : undefined;
    expect(SESSION_COOKIE).toBe(`${prefix ?? "better-auth"}.session_token`);
  });
});

describe("request bodies come from the routes' own schemas", () => {
  // Built from the document alone: if it were written by hand, these would drift from the route.
  const fromDocument = z.fromJSONSchema(bodySchema("/api/automations", "post"));

  const examples: [unknown, boolean][] = [
    [{ name: "Welcome" }, true],
    [{ name: "x".repeat(120) }, true],
    [{ name: "Welcome", unknownField: 1 }, true],
    [{ name: "Welcome", graph: { nodes: [{ id: "n1", type: "trigger", position: { x: 0, y: 0 }, data: {} }], edges: [] } }, true],
    [{ name: "Welcome", graph: { nodes: [{ id: "n1", type: "trigger", position: { x: 1, y: 2 } }], edges: [{ id: "e1", source: "n1", target: "n2", sourceHandle: null }] } }, true],
    [{}, false],
    [null, false],
    ["Welcome", false],
    [{ name: "" }, false],
    [{ name: 42 }, false],
    [{ name: "x".repeat(121) }, false],
    [{ name: "Welcome", graph: { nodes: [] } }, false],
    [{ name: "Welcome", graph: { nodes: [{ id: "n1", type: "teleport", position: { x: 0, y: 0 } }], edges: [] } }, false],
    [{ name: "Welcome", graph: { nodes: [{ id: "", type: "trigger", position: { x: 0, y: 0 } }], edges: [] } }, false],
    [{ name: "Welcome", graph: { nodes: [{ id: "n1", type: "trigger" }], edges: [] } }, false],
    [{ name: "Welcome", graph: { nodes: [], edges: [{ id: "e1", source: "n1" }] } }, false],
    [{ name: "Welcome", graph: { nodes: [], edges: [{ id: "e1", source: "n1", target: "n2", sourceHandle: 3 }] } }, false],
  ];

  it.each(examples)("POST /api/automations %j: accepted = %s, by the document and by createAutomationInput alike", (body, accepted) => {
    expect(createAutomationInput.safeParse(body).success).toBe(accepted);
    expect(fromDocument.safeParse(body).success).toBe(accepted);
  });
});

describe("response schemas describe what lib returns", () => {
  it("holds at compile time (tsc checks these; at run time they are no-ops)", () => {
    type Returned<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
    expectTypeOf<Returned<typeof getAutomation>>().toExtend<z.output<typeof automationSchema>>();
    expectTypeOf<Returned<typeof listAutomations>>().toExtend<z.output<typeof automationListSchema>>();
    expectTypeOf<Returned<typeof publishAutomation>>().toExtend<z.output<typeof publishResultSchema>>();
    expectTypeOf<{ runs: Returned<typeof startRuns> }>().toExtend<z.output<typeof startedRunsSchema>>();
    expectTypeOf<Returned<typeof getRun>>().toExtend<z.output<typeof runDetailSchema>>();
    expectTypeOf<Returned<typeof listRuns>>().toExtend<z.output<typeof runListSchema>>();
    expectTypeOf<Returned<typeof getContact>>().toExtend<z.output<typeof contactWithRunsSchema>>();
    expectTypeOf<Returned<typeof listContacts>>().toExtend<z.output<typeof contactListSchema>>();
    expectTypeOf<Returned<typeof upsertContact>["contact"]>().toExtend<z.output<typeof contactSchema>>();
    expectTypeOf<Returned<typeof patchContact>>().toExtend<z.output<typeof contactSchema>>();
    expectTypeOf<{ keys: Returned<typeof listFieldKeys> }>().toExtend<z.output<typeof fieldKeysSchema>>();
    // A message's `status` is a text column; its values are DESIGN.md's, which the document lists.
    type Thread = Returned<typeof contactMessages>;
    type StoredMessage = Omit<Thread["messages"][number], "status">;
    expectTypeOf<Omit<Thread, "messages"> & { messages: StoredMessage[] }>().toExtend<Omit<z.output<typeof messageListSchema>, "messages"> & { messages: Omit<z.output<typeof messageSchema>, "status">[] }>();
    expectTypeOf<Returned<typeof receiveInbound>>().toExtend<z.output<typeof inboundResultSchema>>();
    expectTypeOf<Returned<typeof getWhatsappSettings>>().toExtend<z.output<typeof whatsappSettingsSchema>>();
    expectTypeOf<Returned<typeof checkWhatsappConnection>>().toExtend<z.output<typeof connectionCheckSchema>>();
    expectTypeOf<{ workspaces: Returned<typeof userWorkspaces> }>().toExtend<z.output<typeof workspaceListSchema>>();
    expectTypeOf<Returned<typeof createWorkspace>>().toExtend<z.output<typeof workspaceSchema>>();
    expectTypeOf<AsJson<{ members: Returned<typeof listMembers> }>>().toExtend<z.output<typeof memberListSchema>>();
    expectTypeOf<AsJson<{ invitations: Returned<typeof listInvitations> }>>().toExtend<z.output<typeof invitationListSchema>>();
    expectTypeOf<AsJson<Returned<typeof createInvitation>>>().toExtend<z.output<typeof createdInvitationSchema>>();
    expectTypeOf<Returned<typeof describeInvitation>>().toExtend<z.output<typeof invitationOfferSchema>>();
    expectTypeOf<Returned<typeof acceptInvitation>>().toExtend<z.output<typeof acceptedInvitationSchema>>();
    expectTypeOf<AsJson<{ apiKeys: Returned<typeof listApiKeys> }>>().toExtend<z.output<typeof apiKeyListSchema>>();
    expectTypeOf<AsJson<Returned<typeof createApiKey>>>().toExtend<z.output<typeof createdApiKeySchema>>();
    expectTypeOf<AsJson<Returned<typeof revokeApiKey>>>().toExtend<z.output<typeof apiKeySchema>>();
  });
});

/** What `Response.json` makes of a value: dates become ISO strings. */
type AsJson<T> = T extends Date ? string : T extends (infer I)[] ? AsJson<I>[] : T extends object ? { [K in keyof T]: AsJson<T[K]> } : T;

function operationAt(p: string, method: string): Operation | undefined {
  const known = HTTP_METHODS.find((m) => m.toUpperCase() === method);
  return known ? paths[p]?.[known] : undefined;
}

/** The request body schema of an operation, standalone: component refs pointed at its own `$defs`. */
function bodySchema(p: string, method: "post" | "put" | "patch"): z.core.JSONSchema.JSONSchema {
  const body = paths[p]?.[method]?.requestBody;
  const media = body && "content" in body ? body.content["application/json"] : undefined;
  const schema = media && "schema" in media ? media.schema : undefined;
  if (typeof schema !== "object") throw new Error(`${method} ${p} has no JSON body schema`);
  const standalone = JSON.stringify({ ...schema, $defs: doc.components?.schemas }).replaceAll('"#/components/schemas/', '"#/$defs/');
  return JSON.parse(standalone);
}

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") found.push(item);
      else collectRefs(item, found);
    }
  }
  return found;
}

/** A local JSON pointer (`#/components/schemas/Error`) in the document, or undefined. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let at: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof at !== "object" || at === null || !(key in at)) return undefined;
    at = Object.entries(at).find(([k]) => k === key)?.[1];
  }
  return at;
}
