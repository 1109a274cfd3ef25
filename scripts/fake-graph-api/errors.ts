import { randomBytes } from "node:crypto";

/** An error as the fake is told to answer it; `details` ends up in `error_data.details`. */
export type MetaError = { code: number; title: string; message?: string; details?: string };

const fbtraceId = () => randomBytes(8).toString("base64url");

/** Meta's 4xx body: `{"error": {message "(#code) title", type, code, error_data, fbtrace_id}}`. */
export function metaErrorBody(error: MetaError) {
  return {
    error: {
      message: `(#${error.code}) ${error.title}`,
      type: "OAuthException",
      code: error.code,
      error_data: { messaging_product: "whatsapp", details: error.details ?? error.message ?? error.title },
      fbtrace_id: fbtraceId(),
    },
  };
}

/** Meta's 5xx body: a transient error without error_data (clients must not parse details from it). */
export function serverErrorBody(error: Partial<MetaError>) {
  return {
    error: {
      message: error.code === undefined ? "An unknown error has occurred." : `(#${error.code}) ${error.title ?? "An unknown error has occurred."}`,
      type: "OAuthException",
      code: error.code ?? 1,
      is_transient: true,
      fbtrace_id: fbtraceId(),
    },
  };
}

/** Meta answers every malformed send with code 100 (invalid parameter). */
export const invalidParameter = (details: string): MetaError => ({ code: 100, title: "Invalid parameter", details });

/** Meta answers a bad or expired token with code 190. */
export const invalidToken: MetaError = { code: 190, title: "Invalid OAuth access token - Cannot parse access token", details: "Error validating access token" };
