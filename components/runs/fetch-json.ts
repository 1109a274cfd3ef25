import type { z } from "zod";
import { apiErrorSchema } from "./run-schemas";

/** An HTTP error from the API, carrying the server's `{error}` message and status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches JSON and parses it with `schema`; non-2xx answers become an ApiError with the server's message. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const response = await fetch(url, { cache: "no-store", ...init });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    const message = parsed.success ? parsed.data.error : `Request failed (${response.status})`;
    throw new ApiError(message, response.status);
  }
  return schema.parse(body);
}

/** POSTs a JSON body and parses the answer like fetchJson. */
export const postJson = <S extends z.ZodType>(url: string, body: unknown, schema: S) =>
  fetchJson(url, schema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : "Something went wrong";
