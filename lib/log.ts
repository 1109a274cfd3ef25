import pino, { type Logger } from "pino";

/**
 * Structured JSON logs to stdout, one line per event, with the ids that let an operator follow a
 * run, a contact or a job across processes (`jq 'select(.runId == "...")'`). Secrets are
 * redacted by path wherever they might be logged.
 */
const globalForLog = globalThis as unknown as { replyflowLog?: Logger };

export const log: Logger = (globalForLog.replyflowLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.LOG_SERVICE ?? "replyflow", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["accessToken", "appSecret", "token", "password", "authorization", "headers.authorization", "*.accessToken", "*.appSecret", "*.authorization"],
    censor: "[redacted]",
  },
}));

export type LogIds = { runId?: string; contactId?: string; jobId?: string; waitId?: string; messageId?: string; eventId?: string; queue?: string };

/** A child logger carrying these ids on every line. */
export const logFor = (ids: LogIds): Logger => log.child(ids);

/** An error's message for a log line (stack traces stay out of user-facing answers, not logs). */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
