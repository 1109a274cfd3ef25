import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { LIMITS, rateLimit } from "@/lib/auth/rate-limit";
import { startRuns, startRunsInput } from "@/lib/engine/start-runs";

export const POST = route<{ id: string }>("runs:write", async (request, { params, access }) => {
  const { id } = await params;
  // Per workspace: a runaway script with a key cannot flood the engine for everyone else.
  await rateLimit(`runs:${access.workspaceId}`, LIMITS.runStarts.limit, LIMITS.runStarts.windowSeconds);
  const { contacts } = await readJson(request, startRunsInput, 2 * 1024 * 1024);
  return Response.json({ runs: await startRuns(id, contacts) }, { status: 202 });
});
