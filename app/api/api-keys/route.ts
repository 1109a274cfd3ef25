import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { createApiKey, createApiKeyBody, listApiKeys } from "@/lib/auth/api-keys";
import { audit } from "@/lib/auth/audit";

export const GET = route("settings:write", async (_request, { access }) => Response.json({ apiKeys: await listApiKeys(access.workspaceId) }));

/** A new key: its text (`key`) is in this answer only; we keep its hash. */
export const POST = route("settings:write", async (request, { access }) => {
  const input = await readJson(request, createApiKeyBody);
  const created = await createApiKey(access.workspaceId, input, access.actor.type === "user" ? access.actor.id : null);
  await audit(access, "apiKey.create", { type: "apiKey", id: created.id }, { name: input.name, role: input.role });
  return Response.json(created, { status: 201 });
});
