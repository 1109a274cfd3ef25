import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { replyToTestRun, testReplyInput } from "@/lib/simulator/test-run-actions";

/** The test contact writes back (or taps a button) in the simulator's chat panel. */
export const POST = route<{ id: string; runId: string }>("automations:write", async (request, { params }) => {
  const { id, runId } = await params;
  return Response.json(await replyToTestRun(id, runId, await readJson(request, testReplyInput)), { status: 202 });
});
