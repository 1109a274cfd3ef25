import { route } from "@/lib/api/route";
import { skipTestWait } from "@/lib/simulator/test-run-actions";

/** The simulator's "Skip": the test run's wait or delay ends now, as its timer would. */
export const POST = route<{ id: string; runId: string }>("automations:write", async (_request, { params }) => {
  const { id, runId } = await params;
  return Response.json(await skipTestWait(id, runId));
});
