import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { bulkBody, bulkRuns } from "@/lib/engine/operator-actions";

export const POST = route("runs:write", async (request, { access }) => {
  const body = await readJson(request, bulkBody);
  const result = await bulkRuns(access.workspaceId, body, access.actor);
  const { runIds, cursor: _cursor, ...filters } = body;
  await audit(access, "runs.bulk", undefined, { ...filters, ...(runIds ? { runs: runIds.length } : {}), affected: result.affected });
  return Response.json(result);
});
