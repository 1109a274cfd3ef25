import { route } from "@/lib/api/route";
import { audit } from "@/lib/auth/audit";
import { cancelRun } from "@/lib/engine/cancel-run";

export const POST = route<{ id: string }>("runs:write", async (_request, { params, access }) => {
  const { id } = await params;
  await cancelRun(id, `Cancelled by ${access.actor.label}`);
  await audit(access, "run.cancel", { type: "run", id });
  return Response.json({ status: "cancelled" });
});
