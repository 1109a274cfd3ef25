import { whatsappSettingsBody } from "../../settings/whatsapp-settings.ts";
import { jsonBodyErrors } from "./common-errors.ts";
import type { RouteEntry } from "./route-entry.ts";
import { connectionCheckSchema, whatsappSettingsSchema } from "./settings-responses.ts";

export const settingsRoutes: RouteEntry[] = [
  {
    method: "get",
    path: "/api/settings/whatsapp",
    tag: "Settings",
    summary: "Get the WhatsApp settings",
    description: "The channel in use and where its configuration comes from. Secrets are write-only: only whether they are set.",
    permission: "read",
    responses: { 200: { description: "The settings", schema: whatsappSettingsSchema } },
  },
  {
    method: "put",
    path: "/api/settings/whatsapp",
    tag: "Settings",
    summary: "Save the WhatsApp settings",
    description: "Secrets are stored encrypted. A secret left out keeps the stored one; `\"\"` or `null` clears the app secret or verify token.",
    permission: "settings:write",
    body: { schema: whatsappSettingsBody.meta({ id: "WhatsappSettingsInput" }) },
    responses: { 200: { description: "Saved", schema: whatsappSettingsSchema } },
    errors: {
      ...jsonBodyErrors,
      400: `${jsonBodyErrors[400]}; also when no access token is stored yet or a stored secret no longer opens with the current key`,
      409: "The environment configures WhatsApp, or SETTINGS_ENCRYPTION_KEY is missing: settings cannot be stored",
    },
  },
  {
    method: "delete",
    path: "/api/settings/whatsapp",
    tag: "Settings",
    summary: "Remove the WhatsApp settings",
    description: "The workspace goes back to the sandbox channel (unless the environment configures WhatsApp).",
    permission: "settings:write",
    responses: { 204: { description: "Removed" } },
  },
  {
    method: "post",
    path: "/api/settings/whatsapp/test",
    tag: "Settings",
    summary: "Test the WhatsApp connection",
    description: "Reads the phone number from the Graph API with the credentials in use. Meta's refusal or an unreachable host is an answer in words, not an error.",
    permission: "settings:write",
    responses: { 200: { description: "The outcome, `ok` or not", schema: connectionCheckSchema } },
  },
];
