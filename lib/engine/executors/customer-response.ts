import type { PublishedNode } from "../../flow/published-graph.ts";
import type { Executor } from "../decision.ts";

export const executeCustomerResponse: Executor<Extract<PublishedNode, { type: "customerResponse" }>> = (node) => ({
  kind: "waitForReply",
  timeout: node.data.timeout,
});
