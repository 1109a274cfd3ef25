import type { PublishedNodeOf } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

/** Only the wait: which handle a reply takes is decided when it comes (match-reply.ts). */
export const executeCustomerResponse: Executor<PublishedNodeOf<"customerResponse">> = (node) => ({
  kind: "waitForReply",
  timeout: node.data.timeout,
});
