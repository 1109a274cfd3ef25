import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { receiveInbound } from "@/lib/engine/receive-inbound";
import { phoneSchema } from "@/lib/phone";

const inboundInput = z.object({
  from: phoneSchema,
  text: z.string().min(1, "Text is required").max(4096),
  id: z.string().trim().min(1).max(200).optional(),
});

/** An inbound message on the sandbox channel, as a provider webhook would deliver it. */
export const POST = route(async (request) => {
  const { from, text, id } = await readJson(request, inboundInput);
  const result = await receiveInbound({ from, text, providerMessageId: id });
  return Response.json(result, { status: 202 });
});
