import { z } from "zod";
import { AppError } from "../errors.ts";
import { zodIssues } from "./zod-issues.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body, capped in size, and parses it with a zod schema; any failure is a 4xx. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  requireJsonContentType(request);
  const parsed = schema.safeParse(parseBody(await readText(request, maxBytes)));
  if (!parsed.success) throw new AppError("bad_request", "Invalid request body", zodIssues(parsed.error));
  return parsed.data;
}

/**
 * A body must say it is JSON: a cross-site form can post `text/plain` without a CORS preflight,
 * but never `application/json`. An empty body without a type is let through (the schema decides).
 */
export function requireJsonContentType(request: Request): void {
  const header = request.headers.get("content-type");
  const length = request.headers.get("content-length");
  if (header === null && (length === null || length === "0")) return;
  const type = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"))) return;
  throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
}

/** JSON text to a value, refusing what we could not store; an empty body is `undefined`. */
export function parseBody(text: string): unknown {
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Malformed JSON body");
  }
  // Valid JSON, but Postgres text and jsonb cannot store U+0000: refuse it here, not as a 500.
  const nulAt = findNul(body);
  if (nulAt !== undefined) {
    throw new AppError("bad_request", "Invalid request body", [{ path: nulAt, message: "Text must not contain NUL characters" }]);
  }
  return body;
}

export async function readText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return (await readBytes(request, maxBytes)).toString("utf8");
}

/** The body's exact bytes (a signature is computed over them), capped in size. */
export async function readBytes(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  // The header can lie or be absent (chunked): count what actually arrives.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The dotted path of the first string (or key) holding a NUL character, if any. */
function findNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = key.includes("\u0000") ? [...path, key].join(".") : findNul(item, [...path, key]);
    if (at !== undefined) return at;
  }
  return undefined;
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
