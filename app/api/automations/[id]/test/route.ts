import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { startTestRun, testRunInput } from "@/lib/simulator/start-test-run";

/** POST: the simulator's "Test": the draft as sent, for the caller's test contact. */
export const POST = route<{ id: string }>("automations:write", async (request, { params }) => {
  const { id } = await params;
  const input = await readJson(request, testRunInput);
  return Response.json(await startTestRun(id, input), { status: 201 });
});
