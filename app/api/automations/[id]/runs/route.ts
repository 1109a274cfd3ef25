import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { startRuns } from "@/lib/engine/start-runs";
import { phoneSchema } from "@/lib/phone";

const startRunsInput = z.object({
  contacts: z
    .array(z.object({ phone: phoneSchema, name: z.string().trim().min(1).max(120).optional() }))
    .min(1, "Give at least one contact")
    .max(10_000, "At most 10,000 contacts per request"),
});

export const POST = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const { contacts } = await readJson(request, startRunsInput, 2 * 1024 * 1024);
  return Response.json({ runs: await startRuns(id, contacts) }, { status: 202 });
});
