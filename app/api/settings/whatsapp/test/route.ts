import { route } from "@/lib/api/route";
import { checkWhatsappConnection } from "@/lib/settings/whatsapp-settings";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspace";

/** Reads the phone number from the Graph API with the credentials in use: `{ok: true, ...}` or `{ok: false, error}`, 200 either way. */
export const POST = route(async () => Response.json(await checkWhatsappConnection(DEFAULT_WORKSPACE_ID)));
