import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs to stdout, one line per event, with the ids that let an operator follow a
 * run, a contact or a job across processes (`jq 'select(.runId == "...")'`). Secrets are
 * redacted by path wherever they might be logged. No transport (pino-pretty is a dev pipe only):
 * transports run in worker threads, which Next's bundling and short-lived scripts handle badly.
 */
const SECRETS = ["accessToken", "appSecret", "token", "password", "authorization"];

export const REDACT_PATHS = [...SECRETS, ...SECRETS.map((key) => `*.${key}`), "headers.authorization", "*.headers.authorization"];

/** The logger every process uses; tests pass a stream of their own to read its lines. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: process.env.LOG_SERVICE ?? "replyflow", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

// One logger per process: Next.js dev reloads modules, so it lives on globalThis.
const globalForLog = globalThis as unknown as { replyflowLog?: Logger };

export const log: Logger = (globalForLog.replyflowLog ??= createLogger());

export type LogIds = { runId?: string; contactId?: string; jobId?: string; waitId?: string; messageId?: string; eventId?: string; queue?: string };

/** A child logger carrying these ids on every line. */
export const logFor = (ids: LogIds): Logger => log.child(ids);

/** An error's message for a log line (stack traces stay out of user-facing answers, not logs). */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
