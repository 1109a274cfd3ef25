import { SANDBOX_CHANNEL } from "./sandbox.ts";

/**
 * Whether a channel enforces WhatsApp's 24-hour rule (free text only within 24 hours of the
 * contact's last message). WhatsApp always does. The sandbox simulates it on request
 * (SANDBOX_SESSION_WINDOW=enforce), so that flows can be tried with new contacts by default.
 */
export function enforcesSessionWindow(channel: string): boolean {
  if (channel === SANDBOX_CHANNEL) return process.env.SANDBOX_SESSION_WINDOW === "enforce";
  return true;
}
