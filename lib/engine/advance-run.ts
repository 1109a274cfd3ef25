import type { PublishedNode } from "../flow/published-graph.ts";
import { usesLastReply } from "../flow/template.ts";
import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { enforcesSessionWindow } from "../channels/session-window.ts";
import type { Tx } from "../sql.ts";
import type { Decision } from "./decision.ts";
import { execute } from "./executors/index.ts";
import { latestReply, lockContact, sendOutbound } from "./messages.ts";
import { startWait } from "./start-wait.ts";
import { onward, transition, type HistoryEntry, type RunRef } from "./transition.ts";
import { loadVersionGraph, type VersionGraph } from "./version-graph.ts";
import { withTx } from "./with-tx.ts";

/** Guard rail: a loop without waits must not spin forever. History rows count as steps. */
export const MAX_RUN_STEPS = Number(process.env.MAX_RUN_STEPS ?? 100);

/**
 * Body of the run-step job: executes the run's steps, one transaction each, until the run waits,
 * ends, fails or another actor changes it. A crash mid-way leaves the job to be retried, and the
 * retry resumes from the last committed step. `maxSteps` lets a caller go one step at a time.
 */
export async function advanceRun(runId: string, maxSteps = Infinity): Promise<void> {
  for (let step = 0; step < maxSteps && (await withTx((tx) => stepOnce(tx, runId))); step++) {
    // each iteration is one committed step
  }
}

type LoadedRun = RunRef & {
  versionId: string;
  currentNodeId: string | null;
  contactId: string;
  replyWatermark: number;
  contact: { phone: string; name: string | null };
};

/** Executes the run's current node; true when the run is still running afterwards. */
async function stepOnce(tx: Tx, runId: string): Promise<boolean> {
  const [row] = await tx.sql<Omit<LoadedRun, "contact"> & { phone: string; name: string | null }>`
    SELECT r.id, r.status, r.seq, r."versionId", r."currentNodeId", r."contactId", r."replyWatermark", c.phone, c.name
    FROM "Run" r JOIN "Contact" c ON c.id = r."contactId" WHERE r.id = ${runId}`;
  const run = row && { ...row, contact: { phone: row.phone, name: row.name } };
  // Waiting, finished or cancelled: this job is stale (a duplicate or a retry after success).
  if (!run || run.status !== "running") return false;
  if (run.seq >= MAX_RUN_STEPS) {
    const reason = `Stopped after ${MAX_RUN_STEPS} steps: the automation may loop without waiting`;
    await transition(tx, run, [{ nodeId: run.currentNodeId, type: "guard", detail: reason }], {
      status: "failed", currentNodeId: run.currentNodeId, failureReason: reason,
    });
    return false;
  }
  const graph = await loadVersionGraph(tx, run.versionId);
  const node = run.currentNodeId ? graph.node(run.currentNodeId) : graph.trigger;
  if (!node) return fail(tx, run, `Step ${run.currentNodeId} is not in version graph`);
  // Sends and waits take the contact's row lock: it orders them against the contact's replies.
  const locked = node.type === "sendMessage" || node.type === "customerResponse" ? await lockContact(tx, run.contactId) : undefined;
  const lastReply = node.type === "sendMessage" && usesLastReply(node.data.text) ? await latestReply(tx, run.contactId) : null;
  const sessionWindow = !enforcesSessionWindow(SANDBOX_CHANNEL) ? "notEnforced" : locked?.sessionOpen ? "open" : "closed";
  const decision = execute(node, { contact: run.contact, lastReply, sessionWindow });
  return apply(tx, run, graph, node, decision, locked?.messageSeq ?? 0);
}

async function apply(tx: Tx, run: LoadedRun, graph: VersionGraph, node: PublishedNode, decision: Decision, messageSeq: number): Promise<boolean> {
  const entry: HistoryEntry = { nodeId: node.id, type: node.type };
  switch (decision.kind) {
    case "next": {
      const target = graph.follow(node.id, decision.handle);
      const watermark = decision.send ? messageSeq + 1 : undefined;
      const seq = await transition(tx, run, [entry], onward(target, node.id, { replyWatermark: watermark, enqueue: false }));
      if (seq === null) return false;
      if (decision.send) await sendOutbound(tx, run, seq, messageSeq + 1, decision.send.text);
      return target !== undefined;
    }
    case "waitForReply":
      return startWait(tx, run, graph, node.id, decision.timeout);
    case "end":
      await transition(tx, run, [entry], { status: "completed", currentNodeId: node.id });
      return false;
    case "fail":
      return fail(tx, run, decision.reason, node.id);
  }
}

async function fail(tx: Tx, run: RunRef & { currentNodeId: string | null }, reason: string, nodeId = run.currentNodeId): Promise<false> {
  await transition(tx, run, [{ nodeId, type: "failed", detail: reason }], { status: "failed", currentNodeId: nodeId, failureReason: reason });
  return false;
}
