import { z } from "zod";
import { timestamp } from "./timestamp.ts";

/** `WhatsappSettingsView` (lib/settings/whatsapp-settings.ts): secrets are write-only, so only whether they are set. */
export const whatsappSettingsSchema = z
  .object({
    channel: z.enum(["whatsapp", "sandbox"]).meta({ description: "The channel outbound messages use now" }),
    source: z.enum(["environment", "settings"]).nullable().meta({ description: "Where the WhatsApp configuration comes from; null for the sandbox" }),
    phoneNumberId: z.string().nullable(),
    apiBase: z.string().nullable(),
    messagesPerSecond: z.number().int().nullable(),
    verifyTokenSet: z.boolean(),
    appSecretSet: z.boolean(),
    accessTokenFingerprint: z.string().nullable().meta({ description: "A short fingerprint of the access token, never the token" }),
    updatedAt: timestamp.nullable(),
    encryptionKeySet: z.boolean().meta({ description: "SETTINGS_ENCRYPTION_KEY is set and valid, so settings can be stored" }),
    secretsReadable: z.boolean().meta({ description: "False when stored secrets no longer open with the current key: save them again" }),
    environment: z.object({ appSecret: z.boolean(), verifyToken: z.boolean() }).meta({ description: "Webhook secrets the environment sets; they win over stored ones" }),
    defaultApiBase: z.string(),
  })
  .meta({ id: "WhatsappSettings" });

/** `ConnectionCheck`: Meta's answer in words, 200 either way. */
export const connectionCheckSchema = z
  .discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), displayPhoneNumber: z.string(), verifiedName: z.string().nullable() }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ])
  .meta({ id: "ConnectionCheck" });
