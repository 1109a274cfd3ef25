import { route } from "@/lib/api/route";
import { getRun } from "@/lib/runs/runs";

export const GET = route<{ id: string }>("read", async (_request, { params }) => {
  const { id } = await params;
  return Response.json(await getRun(id));
});
