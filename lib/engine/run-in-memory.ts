import { SANDBOX_CHANNEL } from "../channels/sandbox.ts";
import { enforcesSessionWindow } from "../channels/session-window.ts";
import { formatDuration, toSeconds } from "../flow/duration.ts";
import type { ContactState } from "./contact-state.ts";
import type { Decision } from "./decision.ts";
import type { Lane } from "./enqueue.ts";
import { execute } from "./executors/index.ts";
import { MAX_RUN_STEPS } from "./limits.ts";
import { onward, type HistoryEntry, type OutboundMessage, type RunRef, type Transition } from "./transition.ts";
import type { VersionGraph } from "./version-graph.ts";

/** The channel runs send on (the sandbox until the WhatsApp channel arrives). */
export const OUTBOUND_CHANNEL = SANDBOX_CHANNEL;

/** Where a run stands when a batch picks it up: `prefix` is history already decided (a wait's completion). */
export type RunStart = {
  run: RunRef;
  /** The node to execute next, or null when the prefix already finished the run. */
  nodeId: string | null;
  replyWatermark: number;
  prefix?: HistoryEntry[];
  /** Where the prefix left the run when nodeId is null. */
  finishedAt?: string;
};

export type RunOptions = {
  /** Stop after this many executed nodes and leave the run running (tests drive a run step by step). */
  maxSteps?: number;
  /** Lane for a run left running by maxSteps; none leaves it for the caller. */
  enqueue?: Lane;
};

/**
 * Executes a run's nodes in memory, from `start` until it waits, ends or fails, and returns the
 * one transition that records all of it. Executors decide; this only follows their decisions.
 * The contact's state (locked by the caller) is updated in place, so several runs of one contact
 * in a batch see each other's sends.
 */
export function runInMemory(start: RunStart, graph: VersionGraph, contact: ContactState, options: RunOptions = {}): Transition {
  const history: HistoryEntry[] = [...(start.prefix ?? [])];
  const messages: OutboundMessage[] = [];
  let watermark = start.replyWatermark;
  const finish = (next: Transition["next"], extra: Partial<Transition> = {}): Transition => ({
    run: start.run, history, messages, ...extra, next: { ...next, replyWatermark: watermark },
  });
  if (start.nodeId === null) return finish({ status: "completed", currentNodeId: start.finishedAt ?? null });

  let nodeId = start.nodeId;
  for (let steps = 0; ; steps++) {
    if (steps >= (options.maxSteps ?? Infinity)) return finish({ status: "running", currentNodeId: nodeId }, { enqueue: options.enqueue });
    if (steps >= MAX_RUN_STEPS) {
      const reason = `Stopped after ${MAX_RUN_STEPS} steps without waiting: the automation may loop without a wait`;
      history.push({ nodeId, type: "guard", detail: reason });
      return finish({ status: "failed", currentNodeId: nodeId, failureReason: reason });
    }
    const node = graph.node(nodeId);
    if (!node) return fail(`Step ${nodeId} is not in the version graph`);
    const decision = (node.type === "customerResponse" && lookBack()) || execute(node, {
      contact: { phone: contact.phone, name: contact.name },
      lastReply: contact.lastInbound?.text ?? null,
      sessionWindow: !enforcesSessionWindow(OUTBOUND_CHANNEL) ? "notEnforced" : contact.sessionOpen ? "open" : "closed",
    });
    switch (decision.kind) {
      case "next": {
        history.push({ nodeId, type: node.type, ...(decision.handle !== "default" ? { outcome: decision.handle } : {}), ...(decision.detail ? { detail: decision.detail } : {}) });
        if (decision.send) {
          contact.messageSeq += 1;
          watermark = contact.messageSeq;
          messages.push({ stepSeq: start.run.seq + history.length, contactSeq: contact.messageSeq, text: decision.send.text, channel: OUTBOUND_CHANNEL });
        }
        const target = graph.follow(nodeId, decision.handle);
        if (!target) return finish(onward(undefined, nodeId));
        nodeId = target.id;
        break;
      }
      case "waitForReply":
        history.push({ nodeId, type: node.type, detail: `Waiting up to ${formatDuration(decision.timeout)} for a reply` });
        return finish({ status: "waiting", currentNodeId: nodeId }, { wait: { nodeId, kind: "reply", timeoutSeconds: toSeconds(decision.timeout) } });
      case "end":
        history.push({ nodeId, type: node.type });
        return finish({ status: "completed", currentNodeId: nodeId });
      case "fail":
        return fail(decision.reason);
    }
  }

  /** Look-back: a reply that came after the run's last message, before this wait existed, counts. */
  function lookBack(): Decision | undefined {
    const last = contact.lastInbound;
    if (!last || last.seq <= watermark) return undefined;
    watermark = last.seq;
    return { kind: "next", handle: "replied", detail: "The reply had already arrived" };
  }

  function fail(reason: string): Transition {
    history.push({ nodeId, type: "failed", detail: reason });
    return finish({ status: "failed", currentNodeId: nodeId, failureReason: reason });
  }
}
