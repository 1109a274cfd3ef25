import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { inboundInput } from "@/lib/engine/inbound-input";
import { receiveInbound } from "@/lib/engine/receive-inbound";

/** An inbound message on the sandbox channel, as a provider webhook would deliver it. */
export const POST = route("runs:write", async (request) => {
  const { from, text, id, buttonId } = await readJson(request, inboundInput);
  const result = await receiveInbound({ from, text: text ?? buttonId ?? "", providerMessageId: id, buttonId });
  return Response.json(result, { status: 202 });
});
