import { ZodError } from "zod";
import { AppError } from "../errors.ts";
import { zodIssues } from "./zod-issues.ts";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** Wraps a route handler: expected errors become 4xx JSON, anything else a logged, opaque 500. */
export function route<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return Response.json({ error: "Invalid request", issues: zodIssues(error) }, { status: 400 });
  }
  console.error("Unhandled error in", request?.method, request?.url, error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}
