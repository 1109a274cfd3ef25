import { route } from "@/lib/api/route";
import { cancelRun } from "@/lib/engine/cancel-run";

export const POST = route<{ id: string }>(async (_request, { params }) => {
  const { id } = await params;
  await cancelRun(id);
  return Response.json({ status: "cancelled" });
});
