import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { deleteWhatsappSettings, getWhatsappSettings, saveWhatsappSettings, whatsappSettingsBody } from "@/lib/settings/whatsapp-settings";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspace";

// Read at request time: the answer depends on the database and the environment, never on the build.
export const dynamic = "force-dynamic";

/** The workspace's WhatsApp channel settings; secrets are write-only (docs/whatsapp.md). */
export const GET = route(async () => Response.json(await getWhatsappSettings(DEFAULT_WORKSPACE_ID)));

export const PUT = route(async (request) => Response.json(await saveWhatsappSettings(DEFAULT_WORKSPACE_ID, await readJson(request, whatsappSettingsBody))));

export const DELETE = route(async () => {
  await deleteWhatsappSettings(DEFAULT_WORKSPACE_ID);
  return new Response(null, { status: 204 });
});
