/** One error type for expected failures; route handlers turn it into a 4xx JSON body. */
export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "invalid_graph"
  | "conflict"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "too_many_requests"
  | "unsupported_media_type";

export type Issue = { path?: string; nodeId?: string; edgeId?: string; message: string };

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  too_many_requests: 429,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_graph: 422,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    /** Extra response headers (Retry-After of a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
