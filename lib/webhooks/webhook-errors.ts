/** Refused by policy (private address, bad scheme, credentials in the URL, too many redirects): never retry. */
export class WebhookRefused extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "WebhookRefused";
  }
}

/** DNS failure, connection refused or reset, timeout: worth retrying later. */
export class WebhookNetworkError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "WebhookNetworkError";
  }
}

/** Turns whatever node threw into one of the two errors above, in words a user can act on. */
export function toWebhookError(error: unknown, target: URL | undefined, timeoutMs: number, timedOut: boolean): Error {
  if (error instanceof WebhookRefused) return error;
  // Checked before WebhookNetworkError: an abort surfaces as a reset or AbortError, the deadline is the real cause.
  if (timedOut) return new WebhookNetworkError(`Timed out after ${formatSeconds(timeoutMs)} s`, { cause: error });
  if (error instanceof WebhookNetworkError) return error;
  const first = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = errorCode(first);
  const message = first instanceof Error ? first.message : String(first);
  // Bad header names or values are the automation's config, not the network: retrying cannot help.
  if (code.startsWith("ERR_INVALID") || code.startsWith("ERR_HTTP_INVALID")) {
    return new WebhookRefused(`Invalid request: ${message}`, { cause: error });
  }
  return new WebhookNetworkError(describe(code, message, target), { cause: error });
}

function describe(code: string, message: string, target: URL | undefined): string {
  const where = target ? `${target.hostname}:${target.port || (target.protocol === "https:" ? "443" : "80")}` : "the server";
  if (code === "ECONNREFUSED") return `Connection refused by ${where}`;
  if (code === "ECONNRESET" || code === "EPIPE") return `Connection reset by ${where}`;
  if (code === "ETIMEDOUT") return `Connection to ${where} timed out`;
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `${where} is unreachable`;
  if (code.startsWith("HPE_")) return `${where} sent an invalid HTTP response`;
  if (isTlsCode(code)) return `Secure connection to ${where} failed: ${message}`;
  return `Request to ${where} failed: ${message}`;
}

function isTlsCode(code: string): boolean {
  return ["ERR_TLS", "ERR_SSL", "CERT_", "UNABLE_TO_", "SELF_SIGNED", "DEPTH_ZERO"].some((prefix) => code.startsWith(prefix));
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return "";
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}
