import { route } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { audit } from "@/lib/auth/audit";

/** Revokes a key at once: the next request carrying it gets a 401. */
export const DELETE = route<{ id: string }>("settings:write", async (_request, { params, access }) => {
  const { id } = await params;
  const key = await revokeApiKey(access.workspaceId, id);
  await audit(access, "apiKey.revoke", { type: "apiKey", id }, { name: key.name });
  return Response.json(key);
});
