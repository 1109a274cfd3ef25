import type { ExecutionContext } from "../decision.ts";

/** A contact and a run as the engine hands them to an executor; tests override what they are about. */
export function contextWith(overrides: Partial<ExecutionContext> = {}, contact: Partial<ExecutionContext["contact"]> = {}): ExecutionContext {
  return {
    contact: { phone: "+393331234567", name: "Maria", fields: {}, tags: [], ...contact },
    lastReply: null,
    sessionWindow: "open",
    now: new Date("2026-03-20T10:00:00Z"),
    automationId: "auto-a",
    depth: 0,
    activeAutomations: new Set(["auto-a"]),
    attempt: 1,
    ...overrides,
  };
}
