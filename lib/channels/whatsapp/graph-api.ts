import { shutdownSignal } from "../../shutdown.ts";
import type { WhatsappConfig } from "./config.ts";
import { classifyAnswer, networkFailure, type SendResult } from "./send-result.ts";

/** A send that hangs longer than this is retried (the outbox's claim lasts longer: see deliver-messages.ts). */
export const SEND_TIMEOUT_MS = Number(process.env.WHATSAPP_SEND_TIMEOUT_MS ?? 15_000);

/**
 * One POST /{phone-number-id}/messages. `key` (the run step's) goes along as Idempotency-Key:
 * Meta ignores it today, but a proxy or a future API can dedupe on it, and the fake server counts
 * doubles by it.
 */
export async function postMessage(config: WhatsappConfig, body: Record<string, unknown>, key: string, attempt: number): Promise<SendResult> {
  try {
    const response = await fetch(`${config.apiBase}/${encodeURIComponent(config.phoneNumberId)}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${config.accessToken}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(SEND_TIMEOUT_MS), shutdownSignal()]),
    });
    const text = await response.text();
    return classifyAnswer(response.status, parseJson(text), attempt);
  } catch (error) {
    return networkFailure(error, attempt);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
