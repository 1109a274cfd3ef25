import { db } from "../../db.ts";
import { decryptSecret } from "../../settings/secret-box.ts";

/** Where and how a workspace sends on the WhatsApp Cloud API. */
export type WhatsappConfig = {
  phoneNumberId: string;
  accessToken: string;
  /** Graph API base with its version, e.g. https://graph.facebook.com/v26.0 (no trailing slash). */
  apiBase: string;
  /** Signs Meta's webhooks (X-Hub-Signature-256); unchecked when absent. */
  appSecret: string | null;
  /** Answers Meta's subscription handshake. */
  verifyToken: string | null;
  /** Pacing per phone number, shared by all workers. */
  messagesPerSecond: number;
  source: "environment" | "settings";
};

export const DEFAULT_API_BASE = "https://graph.facebook.com/v26.0";
export const DEFAULT_MESSAGES_PER_SECOND = 80;

/** The environment's channel (DESIGN.md, "Channels"): WhatsApp when the number and the token are set. */
export function whatsappFromEnv(env = process.env): WhatsappConfig | null {
  if (!env.WHATSAPP_PHONE_NUMBER_ID || !env.WHATSAPP_ACCESS_TOKEN) return null;
  return {
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    apiBase: (env.WHATSAPP_API_BASE ?? DEFAULT_API_BASE).replace(/\/+$/, ""),
    appSecret: env.WHATSAPP_APP_SECRET || null,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN || null,
    messagesPerSecond: positive(env.WHATSAPP_MESSAGES_PER_SECOND) ?? DEFAULT_MESSAGES_PER_SECOND,
    source: "environment",
  };
}

const positive = (value: string | undefined) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : undefined;
};

const CACHE_MS = 5_000;
const globalForConfig = globalThis as unknown as { replyflowWhatsapp?: Map<string, { at: number; config: Promise<WhatsappConfig | null> }> };

/**
 * The workspace's WhatsApp channel, or null for the sandbox: the environment first, else the
 * workspace's settings. Cached for a few seconds per process, so a saved setting reaches every
 * worker within that time without a read per send.
 */
export function whatsappConfig(workspaceId: string): Promise<WhatsappConfig | null> {
  const env = whatsappFromEnv();
  if (env) return Promise.resolve(env);
  const cache = (globalForConfig.replyflowWhatsapp ??= new Map());
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = loadSettings(workspaceId).catch((error: unknown) => {
    cache.delete(workspaceId);
    throw error;
  });
  cache.set(workspaceId, { at: Date.now(), config });
  return config;
}

/** Forgets cached settings (after a save in this process). */
export function forgetWhatsappConfig(workspaceId: string): void {
  globalForConfig.replyflowWhatsapp?.delete(workspaceId);
}

async function loadSettings(workspaceId: string): Promise<WhatsappConfig | null> {
  const row = await db().whatsappSettings.findUnique({ where: { workspaceId } });
  if (!row) return null;
  return {
    phoneNumberId: row.phoneNumberId,
    accessToken: decryptSecret(row.accessTokenEncrypted),
    apiBase: (row.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, ""),
    appSecret: row.appSecretEncrypted ? decryptSecret(row.appSecretEncrypted) : null,
    verifyToken: row.verifyToken,
    messagesPerSecond: row.messagesPerSecond,
    source: "settings",
  };
}

/**
 * The webhook's secrets: the environment's (even without a sending number: a webhook may be set
 * up first), else the workspace settings'.
 */
export async function webhookSecrets(workspaceId: string): Promise<{ appSecret: string | null; verifyToken: string | null }> {
  const settings = process.env.WHATSAPP_APP_SECRET && process.env.WHATSAPP_VERIFY_TOKEN ? null : await whatsappConfig(workspaceId);
  return {
    appSecret: process.env.WHATSAPP_APP_SECRET || settings?.appSecret || null,
    verifyToken: process.env.WHATSAPP_VERIFY_TOKEN || settings?.verifyToken || null,
  };
}
