import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { completeRunWait, completeWaitBody } from "@/lib/engine/operator-complete";

export const POST = route<{ id: string }>("runs:write", async (request, { params, access }) => {
  const { id } = await params;
  const { outcome } = await readJson(request, completeWaitBody);
  const result = await completeRunWait(access.workspaceId, id, outcome, access.actor);
  await audit(access, "run.completeWait", { type: "run", id }, { outcome });
  return Response.json(result);
});
