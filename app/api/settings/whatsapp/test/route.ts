import { route } from "@/lib/api/route";
import { checkWhatsappConnection } from "@/lib/settings/whatsapp-settings";

/** Reads the phone number from the Graph API with the credentials in use: `{ok: true, ...}` or `{ok: false, error}`, 200 either way. */
export const POST = route("settings:write", async (_request, { access }) => Response.json(await checkWhatsappConnection(access.workspaceId)));
