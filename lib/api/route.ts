import { ZodError } from "zod";
import { authenticate } from "../auth/authenticate.ts";
import { can, type Permission } from "../auth/permissions.ts";
import { withAccess, type Access } from "../auth/scope.ts";
import { AppError } from "../errors.ts";
import { log } from "../log.ts";
import { zodIssues } from "./zod-issues.ts";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;
type AuthorisedHandler<P> = (request: Request, context: RouteContext<P> & { access: Access }) => Promise<Response>;

/**
 * Every `/api/*` route but health and webhooks: the caller must be signed in or send an API
 * key (401), their role must allow `permission` (403), and the handler runs with their workspace
 * in scope, which every query reads (lib/auth/scope.ts). Expected errors become 4xx JSON.
 */
export function route<P = Record<string, never>>(permission: Permission, handler: AuthorisedHandler<P>): Handler<P> {
  return publicRoute(async (request, context) => {
    const access = await authenticate(request);
    if (!access) throw new AppError("unauthorized", "Sign in, or send Authorization: Bearer <API key>");
    if (access.actor.type === "user" && crossSite(request)) throw new AppError("forbidden", "Cross-site request refused");
    if (!can(access.role, permission)) throw new AppError("forbidden", `Your role (${access.role}) may not do this`);
    return withAccess(access, () => handler(request, { ...context, access }));
  });
}

/** A route anyone may call (health, Meta's webhook, sign-in): errors still become 4xx JSON. */
export function publicRoute<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/**
 * A browser's request that changes something from another site (its session cookie would go
 * along): refused even though SameSite=Lax cookies and the JSON Content-Type check stop most.
 */
function crossSite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) }, { status: error.status, headers: error.headers });
  }
  if (error instanceof ZodError) {
    return Response.json({ error: "Invalid request", issues: zodIssues(error) }, { status: 400 });
  }
  log.error({ method: request?.method, url: request?.url, err: error }, "unhandled error in a route");
  return Response.json({ error: "Internal error" }, { status: 500 });
}
