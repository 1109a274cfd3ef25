import { z } from "zod";
import { ApiError } from "@/components/runs/fetch-json";

export type Issue = { path?: string; message: string };

const errorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
});

/** A refused request: the server's message, its issues (for the fields) and, on a 429, the wait. */
export class RequestError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly issues: Issue[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message, status);
    this.name = "RequestError";
  }
}

type Options = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal };

/**
 * Calls the JSON API: a body goes as JSON (the server refuses anything else), a non-2xx answer
 * becomes a RequestError in words, a 2xx one is parsed with `schema` (null: nothing to read, e.g. 204).
 */
export async function requestJson<S extends z.ZodType>(url: string, schema: S, options?: Options): Promise<z.infer<S>>;
export async function requestJson(url: string, schema: null, options?: Options): Promise<void>;
export async function requestJson(url: string, schema: z.ZodType | null, { method = "GET", body, signal }: Options = {}): Promise<unknown> {
  const response = await fetch(url, {
    method,
    cache: "no-store",
    signal,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw refusal(response, json);
  return schema ? schema.parse(json) : undefined;
}

function refusal(response: Response, json: unknown): RequestError {
  const parsed = errorBody.safeParse(json);
  const retryAfter = retryAfterOf(response.headers.get("retry-after"));
  const message =
    response.status === 429
      ? tooManyAttempts(retryAfter)
      : response.status === 401
        ? "You are signed out: sign in again"
        : parsed.success
          ? parsed.data.error
          : `Request failed (${response.status})`;
  return new RequestError(message, response.status, parsed.success ? (parsed.data.issues ?? []) : [], retryAfter);
}

export function retryAfterOf(header: string | null): number | null {
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** "Too many attempts: wait 42 seconds, then try again." */
export function tooManyAttempts(seconds: number | null): string {
  if (seconds === null) return "Too many attempts: wait a minute, then try again.";
  return `Too many attempts: wait ${seconds} second${seconds === 1 ? "" : "s"}, then try again.`;
}

/** The issue for one field, if the server named it. */
export const issueFor = (issues: Issue[], path: string) => issues.find((issue) => issue.path === path)?.message;
