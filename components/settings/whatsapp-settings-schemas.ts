import { z } from "zod";
import { ApiError } from "@/components/runs/fetch-json";

/** Shapes of `/api/settings/whatsapp` (docs/whatsapp.md) as this page reads them. */

export const SETTINGS_URL = "/api/settings/whatsapp";

export const whatsappSettingsSchema = z.object({
  channel: z.enum(["whatsapp", "sandbox"]),
  source: z.enum(["environment", "settings"]).nullable(),
  phoneNumberId: z.string().nullable(),
  apiBase: z.string().nullable(),
  messagesPerSecond: z.number().nullable(),
  verifyTokenSet: z.boolean(),
  appSecretSet: z.boolean(),
  accessTokenFingerprint: z.string().nullable(),
  updatedAt: z.string().nullable(),
  encryptionKeySet: z.boolean(),
  secretsReadable: z.boolean(),
  environment: z.object({ appSecret: z.boolean(), verifyToken: z.boolean() }),
  defaultApiBase: z.string(),
});
export type WhatsappSettings = z.infer<typeof whatsappSettingsSchema>;

export const connectionCheckSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), displayPhoneNumber: z.string(), verifiedName: z.string().nullable() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

/** The PUT body: secrets left out keep the stored ones; "" clears an optional one. */
export type WhatsappSettingsBody = {
  phoneNumberId: string;
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
  apiBase: string;
  messagesPerSecond?: number;
};

type Issue = { path?: string; message: string };
const errorBody = z.object({ error: z.string(), issues: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional() });

/** A refused save with the server's issues, so the form can show each under its field. */
export class SettingsApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly issues: Issue[],
  ) {
    super(message, status);
  }
}

/** PUTs the settings and returns the server's view of them. */
export async function saveWhatsappSettings(body: WhatsappSettingsBody): Promise<WhatsappSettings> {
  const response = await fetch(SETTINGS_URL, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (!parsed.success) throw new SettingsApiError(`Request failed (${response.status})`, response.status, []);
    throw new SettingsApiError(parsed.data.error, response.status, parsed.data.issues ?? []);
  }
  return whatsappSettingsSchema.parse(json);
}
