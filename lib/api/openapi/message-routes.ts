import { inboundInput } from "../../engine/inbound-input.ts";
import { jsonBodyErrors } from "./common-errors.ts";
import { inboundResultSchema } from "./message-responses.ts";
import type { RouteEntry } from "./route-entry.ts";

/** A contact's thread is `GET /api/contacts/{phone}/messages` (contact-routes.ts). */
export const messageRoutes: RouteEntry[] = [
  {
    method: "post",
    path: "/api/messages/inbound",
    tag: "Messages",
    summary: "Receive a sandbox message",
    description:
      "A message from a contact on the sandbox channel, as a provider webhook would deliver it: it completes every pending Customer Response wait of that contact. `id` is the provider message id: a second delivery with the same id is stored once. `buttonId` presses a quick-reply button.",
    permission: "runs:write",
    body: { schema: inboundInput.meta({ id: "InboundMessageInput" }) },
    responses: { 202: { description: "Stored (or recognised as a duplicate)", schema: inboundResultSchema } },
    errors: jsonBodyErrors,
  },
];
