import { durationSchema, toSeconds } from "../flow/duration.ts";
import type { Graph } from "../flow/graph.ts";
import { bucketQuantile, replyBucketBound } from "../stats/counter-keys.ts";
import type { FunnelStep } from "./funnel.ts";
import type { NodeCounts } from "./node-counts.ts";
import { replyHistogram, type HistogramBucket } from "./reply-histogram.ts";

export type ReplyStats = {
  nodeId: string;
  position: number;
  summary: string | null;
  /** Replies in time, whichever route they took. */
  replied: number;
  noResponse: number;
  /** Left because the message before it was reported failed: neither a reply nor silence. */
  deliveryFailed: number;
  /** replied / (replied + noResponse); null before any wait ended. */
  replyRate: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
  histogram: HistogramBucket[];
};

const NOT_REPLIES = new Set(["noResponse", "deliveryFailed"]);

/** Per Customer Response of the funnel: its replies, silences, reply rate and time to reply. */
export function replyStats(graph: Graph, steps: FunnelStep[], counts: NodeCounts): ReplyStats[] {
  return steps
    .filter((step) => step.type === "customerResponse")
    .map((step) => {
      const counted = counts.get(step.nodeId) ?? new Map<string, number>();
      const count = (handle: string) => step.exits.find((e) => e.handle === handle)?.count ?? 0;
      const replied = step.exits.filter((e) => !NOT_REPLIES.has(e.handle)).reduce((sum, e) => sum + e.count, 0);
      const noResponse = count("noResponse");
      const buckets = new Map<number, number>();
      for (const [key, n] of counted) {
        const bound = replyBucketBound(key);
        if (bound !== undefined) buckets.set(bound, (buckets.get(bound) ?? 0) + n);
      }
      return {
        nodeId: step.nodeId,
        position: step.position,
        summary: step.summary,
        replied,
        noResponse,
        deliveryFailed: count("deliveryFailed"),
        replyRate: replied + noResponse > 0 ? replied / (replied + noResponse) : null,
        p50Seconds: bucketQuantile(buckets, 0.5),
        p90Seconds: bucketQuantile(buckets, 0.9),
        histogram: replyHistogram(buckets, timeoutOf(graph, step.nodeId)),
      };
    });
}

function timeoutOf(graph: Graph, nodeId: string): number | null {
  const parsed = durationSchema.safeParse(graph.nodes.find((n) => n.id === nodeId)?.data.timeout);
  return parsed.success ? toSeconds(parsed.data) : null;
}
