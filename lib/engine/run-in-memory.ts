import { enforcesSessionWindow } from "../channels/session-window.ts";
import { formatDuration, toSeconds } from "../flow/duration.ts";
import { applyContactOps, ContactLimitError, describeOps, type ContactOp } from "./contact-ops.ts";
import type { ContactState } from "./contact-state.ts";
import type { Decision } from "./decision.ts";
import type { Lane } from "./enqueue.ts";
import { execute } from "./executors/index.ts";
import { MAX_RUN_STEPS } from "./limits.ts";
import { matchReply } from "./match-reply.ts";
import { ENTERED, replyBucketKey } from "../stats/counter-keys.ts";
import { onward, type HistoryEntry, type OutboundMessage, type RunRef, type Transition } from "./transition.ts";
import type { VersionGraph } from "./version-graph.ts";

/** Where a run stands when a batch picks it up: `prefix` is history already decided (a wait's completion). */
export type RunStart = {
  run: RunRef;
  automationId: string;
  depth: number;
  /** The node to execute next, or null when the prefix already finished the run. */
  nodeId: string | null;
  replyWatermark: number;
  prefix?: HistoryEntry[];
  /** Contact changes already decided with the prefix (a reply saved to a field, a webhook's answer). */
  prefixOps?: ContactOp[];
  /** Where the prefix left the run when nodeId is null. */
  finishedAt?: string;
  /** Re-entering a webhook step for a retry: which attempt, and the step's idempotency key. */
  retry?: { attempt: number; key: string };
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
 * in a batch see each other's sends, tags and fields.
 */
export function runInMemory(start: RunStart, graph: VersionGraph, contact: ContactState, options: RunOptions = {}): Transition {
  const history: HistoryEntry[] = [...(start.prefix ?? [])];
  const messages: OutboundMessage[] = [];
  const effects: Pick<Transition, "contactOps" | "starts" | "exits" | "handoffs"> = {};
  let watermark = start.replyWatermark;
  let retry = start.retry;
  const finish = (next: Transition["next"], extra: Partial<Transition> = {}): Transition => ({
    run: start.run, history, messages, ...effects, ...extra, next: { ...next, replyWatermark: watermark },
  });
  const failed = start.prefixOps ? changeContact(start.prefixOps) : undefined;
  if (failed) return failWith(start.finishedAt ?? start.nodeId, failed);
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
    if (!node) return failWith(nodeId, `Step ${nodeId} is not in the version graph`);
    const decision = (node.type === "customerResponse" && lookBack(node.data)) || execute(node, {
      contact: { phone: contact.phone, name: contact.name, fields: contact.fields, tags: contact.tags },
      lastReply: contact.lastInbound?.text ?? null,
      sessionWindow: !enforcesSessionWindow(contact.channel) ? "notEnforced" : contact.sessionOpen ? "open" : "closed",
      now: contact.now,
      automationId: start.automationId,
      depth: start.depth,
      activeAutomations: contact.activeAutomations,
      attempt: retry?.attempt ?? 1,
    });
    switch (decision.kind) {
      case "next": {
        const opsDetail = decision.contact?.length ? describeOps(decision.contact) : undefined;
        const detail = [decision.detail, opsDetail].filter(Boolean).join("; ");
        history.push({ nodeId, type: node.type, ...(decision.handle !== "default" ? { outcome: decision.handle } : {}), ...(detail ? { detail } : {}), counts: nextCounts(node.type, decision.handle) });
        const problem = decision.contact ? changeContact(decision.contact) : undefined;
        if (problem) return failWith(nodeId, problem);
        if (decision.send) {
          contact.messageSeq += 1;
          watermark = contact.messageSeq;
          messages.push({ stepSeq: start.run.seq + history.length, contactSeq: contact.messageSeq, channel: contact.channel, ...decision.send });
        }
        if (decision.start) {
          (effects.starts ??= []).push({ automationId: decision.start.automationId, depth: start.depth + 1 });
          contact.activeAutomations.add(decision.start.automationId);
        }
        if (decision.exit) (effects.exits ??= []).push({ automationIds: decision.exit.automationIds });
        if (decision.handoff) (effects.handoffs ??= []).push({ nodeId, note: decision.handoff.note });
        const target = graph.follow(nodeId, decision.handle);
        if (!target) return finish(onward(undefined, nodeId));
        nodeId = target.id;
        retry = undefined;
        break;
      }
      case "waitForReply":
        history.push({ nodeId, type: node.type, detail: `Waiting up to ${formatDuration(decision.timeout)} for a reply`, counts: [ENTERED] });
        return finish({ status: "waiting", currentNodeId: nodeId }, { wait: { nodeId, kind: "reply", timeoutSeconds: toSeconds(decision.timeout) } });
      case "delay":
        history.push({ nodeId, type: node.type, detail: decision.detail, counts: [ENTERED] });
        return finish({ status: "waiting", currentNodeId: nodeId }, {
          wait: { nodeId, kind: "delay", timeoutSeconds: Math.max(0, (decision.until.getTime() - contact.now.getTime()) / 1000), dueAt: decision.until },
        });
      case "callWebhook": {
        // A retry re-enters the step it already counted.
        history.push({ nodeId, type: node.type, detail: decision.detail, counts: retry ? [] : [ENTERED] });
        // The key names the step that first called, so every retry of it carries the same one.
        const key = retry?.key ?? `${start.run.id}:${start.run.seq + history.length}`;
        const webhookCall = { nodeId, attempt: retry?.attempt ?? 1, attempts: decision.attempts, key, request: decision.request };
        return finish({ status: "running", currentNodeId: nodeId }, { webhookCall });
      }
      case "end":
        history.push({ nodeId, type: node.type, counts: [ENTERED] });
        return finish({ status: "completed", currentNodeId: nodeId });
      case "fail":
        return failWith(nodeId, decision.reason, [ENTERED]);
    }
  }

  /** Look-back: a reply that came after the run's last message, before this wait existed, counts. */
  function lookBack(data: { routes?: Parameters<typeof matchReply>[0]; saveReplyTo?: string }): Decision | undefined {
    const last = contact.lastInbound;
    if (!last || last.seq <= watermark) return undefined;
    watermark = last.seq;
    const handle = matchReply(data.routes, last, graph.buttonsBefore(nodeId));
    const save: ContactOp[] = data.saveReplyTo ? [{ op: "setField", key: data.saveReplyTo, value: last.text.slice(0, 1000) }] : [];
    return { kind: "next", handle, detail: "The reply had already arrived", ...(save.length ? { contact: save } : {}) };
  }

  /** Applies contact ops in memory and records them for writing; a message when a limit stops them. */
  function changeContact(ops: ContactOp[]): string | undefined {
    try {
      Object.assign(contact, applyContactOps(contact, ops));
    } catch (error) {
      if (error instanceof ContactLimitError) return error.message;
      throw error;
    }
    (effects.contactOps ??= []).push(...ops);
    return undefined;
  }

  function failWith(at: string | null, reason: string, counts?: string[]): Transition {
    history.push({ nodeId: at, type: "failed", detail: reason, ...(counts ? { counts } : {}) });
    return finish({ status: "failed", currentNodeId: at, failureReason: reason });
  }
}

/** A step that moved on counts its entry and its exit; a Customer Response that found its reply already there, a reply after 0 s. */
const nextCounts = (type: string, handle: string) => (type === "customerResponse" ? [ENTERED, handle, replyBucketKey(0)] : [ENTERED, handle]);
