import { route } from "@/lib/api/route";
import { contactMessages } from "@/lib/runs/runs";

export const GET = route<{ phone: string }>(async (_request, { params }) => {
  const { phone } = await params;
  return Response.json(await contactMessages(decodeURIComponent(phone)));
});
