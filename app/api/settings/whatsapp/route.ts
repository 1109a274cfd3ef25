import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { deleteWhatsappSettings, getWhatsappSettings, saveWhatsappSettings, whatsappSettingsBody } from "@/lib/settings/whatsapp-settings";

// Read at request time: the answer depends on the database and the environment, never on the build.
export const dynamic = "force-dynamic";

/** The workspace's WhatsApp channel settings; secrets are write-only (docs/whatsapp.md). */
export const GET = route("read", async (_request, { access }) => Response.json(await getWhatsappSettings(access.workspaceId)));

export const PUT = route("settings:write", async (request, { access }) => {
  const input = await readJson(request, whatsappSettingsBody);
  const saved = await saveWhatsappSettings(access.workspaceId, input);
  // Which settings changed, never their secret values.
  await audit(access, "settings.whatsapp.save", { type: "workspace", id: access.workspaceId }, { fields: Object.keys(input) });
  return Response.json(saved);
});

export const DELETE = route("settings:write", async (_request, { access }) => {
  await deleteWhatsappSettings(access.workspaceId);
  await audit(access, "settings.whatsapp.delete", { type: "workspace", id: access.workspaceId });
  return new Response(null, { status: 204 });
});
