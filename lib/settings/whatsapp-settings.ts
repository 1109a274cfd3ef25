import { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { metaWords } from "../channels/whatsapp/send-result.ts";
import { DEFAULT_API_BASE, DEFAULT_MESSAGES_PER_SECOND, forgetWhatsappConfig, whatsappConfig, whatsappFromEnv } from "../channels/whatsapp/config.ts";
import { decryptSecret, encryptionKey, encryptSecret, fingerprint, SecretKeyMissing } from "./secret-box.ts";

/**
 * A workspace's WhatsApp Cloud API settings, as the Settings page stores them. Secrets (access
 * token, app secret, verify token) are write-only: the public view says whether they are set and
 * the token's fingerprint, never their value. A secret left out of a save keeps the stored one;
 * an empty string (or null) clears the optional ones.
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith(".localhost");

/** Graph API base with its version; http only towards loopback (the fake server). "" is the default. */
const apiBaseSchema = z
  .string()
  .trim()
  .max(500, "Graph API base URL is at most 500 characters")
  .transform((text, ctx): string | null => {
    if (text === "") return null;
    const url = URL.canParse(text) ? new URL(text) : null;
    const problem = !url
      ? "Graph API base URL must be a URL such as https://graph.facebook.com/v26.0"
      : url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))
        ? "Graph API base URL must use https (http only for localhost)"
        : url.username || url.password || url.search || url.hash
          ? "Graph API base URL must not carry credentials, a query or a fragment"
          : null;
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return text.replace(/\/+$/, "");
  });

/** Optional secret text: absent keeps the stored value, "" or null clears it. */
const clearable = <S extends z.ZodType<string>>(schema: S) => z.union([z.literal("").transform(() => null), z.null(), schema]).optional();

export const whatsappSettingsBody = z.strictObject({
  phoneNumberId: z.string().trim().regex(/^\d{5,30}$/, "Phone number ID must be 5 to 30 digits (Meta's id of the number, not the phone number)"),
  accessToken: z
    .string()
    .trim()
    .min(20, "Access token is at least 20 characters")
    .max(1000, "Access token is at most 1000 characters")
    .regex(/^[!-~]+$/, "Access token must be printable characters without spaces")
    .optional(),
  appSecret: clearable(z.string().trim().max(200, "App secret is at most 200 characters").regex(/^[!-~]+$/, "App secret must be printable characters without spaces")),
  verifyToken: clearable(
    z.string().trim().min(8, "Verify token is at least 8 characters").max(200, "Verify token is at most 200 characters").regex(/^[!-~]+$/, "Verify token must be printable characters without spaces"),
  ),
  apiBase: apiBaseSchema.optional().transform((base) => base ?? null),
  messagesPerSecond: z
    .number("Messages per second must be a number")
    .int("Messages per second must be a whole number")
    .min(1, "Messages per second is at least 1")
    .max(1000, "Messages per second is at most 1000")
    .default(DEFAULT_MESSAGES_PER_SECOND),
});
export type WhatsappSettingsBody = z.output<typeof whatsappSettingsBody>;

export type WhatsappSettingsView = {
  channel: "whatsapp" | "sandbox";
  source: "environment" | "settings" | null;
  phoneNumberId: string | null;
  apiBase: string | null;
  messagesPerSecond: number | null;
  verifyTokenSet: boolean;
  appSecretSet: boolean;
  accessTokenFingerprint: string | null;
  updatedAt: string | null;
  /** Settings can be stored: SETTINGS_ENCRYPTION_KEY is set and valid. */
  encryptionKeySet: boolean;
  /** False when stored secrets cannot be read with the current key (it changed): save them again. */
  secretsReadable: boolean;
  /** Webhook secrets the environment sets: they take precedence over the stored ones. */
  environment: { appSecret: boolean; verifyToken: boolean };
  /** The Graph API base used when none is given. */
  defaultApiBase: string;
};

export async function getWhatsappSettings(workspaceId: string): Promise<WhatsappSettingsView> {
  const common = {
    encryptionKeySet: keyProblem() === null,
    defaultApiBase: DEFAULT_API_BASE,
    environment: { appSecret: Boolean(process.env.WHATSAPP_APP_SECRET), verifyToken: Boolean(process.env.WHATSAPP_VERIFY_TOKEN) },
  };
  const env = whatsappFromEnv();
  if (env) {
    return {
      channel: "whatsapp", source: "environment", phoneNumberId: env.phoneNumberId, apiBase: env.apiBase, messagesPerSecond: env.messagesPerSecond,
      verifyTokenSet: env.verifyToken !== null, appSecretSet: env.appSecret !== null, accessTokenFingerprint: fingerprint(env.accessToken),
      updatedAt: null, secretsReadable: true, ...common,
    };
  }
  const row = await db().whatsappSettings.findUnique({ where: { workspaceId } });
  if (!row) {
    return {
      channel: "sandbox", source: null, phoneNumberId: null, apiBase: null, messagesPerSecond: null,
      verifyTokenSet: false, appSecretSet: false, accessTokenFingerprint: null, updatedAt: null, secretsReadable: true, ...common,
    };
  }
  const token = tryDecrypt(row.accessTokenEncrypted);
  return {
    channel: "whatsapp", source: "settings", phoneNumberId: row.phoneNumberId, apiBase: row.apiBase ?? DEFAULT_API_BASE, messagesPerSecond: row.messagesPerSecond,
    verifyTokenSet: row.verifyToken !== null, appSecretSet: row.appSecretEncrypted !== null, accessTokenFingerprint: token === null ? null : fingerprint(token),
    updatedAt: row.updatedAt.toISOString(),
    secretsReadable: token !== null && (row.appSecretEncrypted === null || tryDecrypt(row.appSecretEncrypted) !== null),
    ...common,
  };
}

/** Stores the settings (secrets encrypted); refused while the environment configures the channel or without a key. */
export async function saveWhatsappSettings(workspaceId: string, input: WhatsappSettingsBody): Promise<WhatsappSettingsView> {
  if (whatsappFromEnv()) {
    throw new AppError("conflict", "WhatsApp is configured by the environment (WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN): change it there, or unset them to use Settings");
  }
  const problem = keyProblem();
  if (problem) throw new AppError("conflict", problem);
  const key = encryptionKey();
  const stored = await db().whatsappSettings.findUnique({ where: { workspaceId } });
  // A secret kept from before must still open with today's key, or the channel would fail on every send.
  const unreadable = [
    input.accessToken === undefined && stored && tryDecrypt(stored.accessTokenEncrypted) === null ? { path: "accessToken", message: "The stored access token cannot be read with the current SETTINGS_ENCRYPTION_KEY: enter it again" } : null,
    input.appSecret === undefined && stored?.appSecretEncrypted && tryDecrypt(stored.appSecretEncrypted) === null ? { path: "appSecret", message: "The stored app secret cannot be read with the current SETTINGS_ENCRYPTION_KEY: enter it again or clear it" } : null,
  ].filter((issue) => issue !== null);
  if (unreadable.length > 0) throw new AppError("bad_request", "Invalid request body", unreadable);

  const fields = {
    phoneNumberId: input.phoneNumberId,
    apiBase: input.apiBase,
    messagesPerSecond: input.messagesPerSecond,
    updatedAt: new Date(),
    ...(input.appSecret === undefined ? {} : { appSecretEncrypted: input.appSecret === null ? null : encryptSecret(input.appSecret, key) }),
    ...(input.verifyToken === undefined ? {} : { verifyToken: input.verifyToken }),
  };
  if (input.accessToken !== undefined) {
    const accessTokenEncrypted = encryptSecret(input.accessToken, key);
    await db().whatsappSettings.upsert({ where: { workspaceId }, create: { workspaceId, accessTokenEncrypted, ...fields }, update: { accessTokenEncrypted, ...fields } });
  } else {
    // Keeping the stored token: an update, not an upsert, so a removal in between is not undone with no token.
    const { count } = await db().whatsappSettings.updateMany({ where: { workspaceId }, data: fields });
    if (count === 0) throw new AppError("bad_request", "Invalid request body", [{ path: "accessToken", message: "Access token is required" }]);
  }
  forgetWhatsappConfig(workspaceId);
  return getWhatsappSettings(workspaceId);
}

/** Forgets the stored settings: the workspace goes back to the sandbox (unless the environment configures WhatsApp). */
export async function deleteWhatsappSettings(workspaceId: string): Promise<void> {
  await db().whatsappSettings.deleteMany({ where: { workspaceId } });
  forgetWhatsappConfig(workspaceId);
}

export type ConnectionCheck = { ok: true; displayPhoneNumber: string; verifiedName: string | null } | { ok: false; error: string };

export const CONNECTION_TIMEOUT_MS = 5_000;

const phoneNumberAnswer = z.object({ display_phone_number: z.string(), verified_name: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional(), error_data: z.object({ details: z.unknown() }).optional() }) });

/**
 * Checks the credentials in use (the environment's, else the stored ones) by reading the phone
 * number from the Graph API. Meta's refusal, a timeout or an unreachable host is an answer in
 * words, never a thrown error.
 */
export async function checkWhatsappConnection(workspaceId: string): Promise<ConnectionCheck> {
  forgetWhatsappConfig(workspaceId); // this process reads the settings as saved now
  let config;
  try {
    config = await whatsappConfig(workspaceId);
  } catch (error) {
    if (error instanceof SecretKeyMissing || isDecryptFailure(error)) return { ok: false, error: "The stored access token cannot be read: check SETTINGS_ENCRYPTION_KEY, or save the token again" };
    throw error;
  }
  if (!config) return { ok: false, error: "Nothing to test: save a phone number ID and an access token first" };
  const url = `${config.apiBase}/${encodeURIComponent(config.phoneNumberId)}?fields=display_phone_number,verified_name`;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${config.accessToken}` }, redirect: "error", signal: AbortSignal.timeout(CONNECTION_TIMEOUT_MS) });
    body = await response.json().catch(() => null);
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return { ok: false, error: `The Graph API did not answer within ${CONNECTION_TIMEOUT_MS / 1000} seconds` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Could not reach ${new URL(config.apiBase).host}: ${cause}` };
  }
  if (response.ok) {
    const phone = phoneNumberAnswer.safeParse(body);
    if (phone.success) return { ok: true, displayPhoneNumber: phone.data.display_phone_number, verifiedName: phone.data.verified_name ?? null };
    return { ok: false, error: `The Graph API answered HTTP ${response.status} without the phone number's details: is the base URL right?` };
  }
  const refused = errorAnswer.safeParse(body);
  if (!refused.success) return { ok: false, error: `The Graph API answered HTTP ${response.status}` };
  return { ok: false, error: withHint(metaWords(refused.data.error, response.status), refused.data.error.code) };
}

const HINTS: Record<number, string> = {
  190: "the access token is invalid or has expired: create a new System User token",
  100: "check the phone number ID (Meta's id of the number, from WhatsApp > API Setup)",
  200: "the token lacks a permission: give it whatsapp_business_management and whatsapp_business_messaging",
  10: "the token lacks a permission: give it whatsapp_business_management and whatsapp_business_messaging",
};
const withHint = (words: string, code: number | undefined) => (code !== undefined && HINTS[code] ? `${words}; ${HINTS[code]}` : words);

/** Why settings cannot be stored now, or null. */
function keyProblem(): string | null {
  try {
    encryptionKey();
    return null;
  } catch (error) {
    if (error instanceof SecretKeyMissing) return "Set SETTINGS_ENCRYPTION_KEY (32 bytes: 64 hex digits or base64) in the server's environment to store the token; npm start creates one in .data/settings-key";
    return error instanceof Error ? error.message : String(error);
  }
}

/** The plain secret, or null when it does not open with the current key (missing or changed). */
function tryDecrypt(sealed: string): string | null {
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

const isDecryptFailure = (error: unknown) =>
  error instanceof Error && (error.message === "Not an encrypted secret" || /unable to authenticate|bad decrypt|must be 32 bytes/i.test(error.message));
