import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { receiveInbound } from "@/lib/engine/receive-inbound";
import { phoneSchema } from "@/lib/phone";

const inboundInput = z
  .object({
    from: phoneSchema,
    text: z.string().min(1, "Text is required").max(4096).optional(),
    id: z.string().trim().min(1).max(200).optional(),
    /** A quick-reply button press (DESIGN.md): its id; the text defaults to it. */
    buttonId: z.string().trim().min(1).max(256).optional(),
  })
  .refine((input) => input.text !== undefined || input.buttonId !== undefined, { path: ["text"], message: "Text is required" });

/** An inbound message on the sandbox channel, as a provider webhook would deliver it. */
export const POST = route(async (request) => {
  const { from, text, id, buttonId } = await readJson(request, inboundInput);
  const result = await receiveInbound({ from, text: text ?? buttonId ?? "", providerMessageId: id, buttonId });
  return Response.json(result, { status: 202 });
});
