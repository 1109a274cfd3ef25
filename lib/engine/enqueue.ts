import { boss, QUEUES } from "../queue.ts";
import type { Tx } from "../sql.ts";
import { chunks } from "./isolate.ts";

/**
 * Two lanes of step jobs: `interactive` (operators, small starts, repairs, replies whose own
 * continuation failed) and `bulk` (campaign starts). Separate queues with their own workers, so
 * interactive work never queues behind 100,000 runs being started. (Replies and timeouts take
 * their runs on in their own transactions and need no step job at all.)
 */
export type Lane = "interactive" | "bulk";

export const laneQueue = { interactive: QUEUES.runStep, bulk: QUEUES.runStepBulk } as const satisfies Record<Lane, string>;

/** Runs per step job: one job moves a slice of a bulk start; a worker takes several at a time. */
export const RUNS_PER_JOB = 200;

/** Step jobs for runs left running, in their lane's queue, inside the caller's transaction. */
export async function enqueueRunSteps(tx: Tx, runs: { runId: string; lane: Lane }[]): Promise<void> {
  for (const lane of ["interactive", "bulk"] as const) {
    const ids = runs.filter((r) => r.lane === lane).map((r) => r.runId);
    if (ids.length === 0) continue;
    const jobs = chunks(ids, RUNS_PER_JOB).map((runIds) => ({ data: { runIds } }));
    await (await boss()).insert(laneQueue[lane], jobs, { db: tx.boss });
  }
}

/**
 * A timer job per wait, due at its deadline. The job's id is the wait's id, so a timer is never
 * stored twice and the sweeper can tell a wait whose timer was lost with one index lookup.
 */
export async function enqueueTimers(tx: Tx, timers: { waitId: string; at: Date }[]): Promise<void> {
  if (timers.length === 0) return;
  const jobs = timers.map(({ waitId, at }) => ({ id: waitId, data: { waitId }, startAfter: at }));
  await (await boss()).insert(QUEUES.waitTimeout, jobs, { db: tx.boss });
}

/**
 * Send jobs for outbox messages. A message's first job has the message's id, so it is queued
 * once; retries and the sweeper queue later jobs under new ids, due at their `at`.
 */
export async function enqueueSends(tx: Tx, messages: { id: string; at?: Date }[], reuseIds = true): Promise<void> {
  if (messages.length === 0) return;
  const jobs = messages.map(({ id, at }) => ({ ...(reuseIds ? { id } : {}), data: { messageId: id }, ...(at ? { startAfter: at } : {}) }));
  await (await boss()).insert(QUEUES.messageSend, jobs, { db: tx.boss });
}

/** A processing job per stored webhook delivery; its id is the event's (queued once). */
export async function enqueueWebhookEvents(tx: Tx, eventIds: string[], reuseIds = true): Promise<void> {
  if (eventIds.length === 0) return;
  const jobs = eventIds.map((id) => ({ ...(reuseIds ? { id } : {}), data: { eventId: id } }));
  await (await boss()).insert(QUEUES.whatsappEvent, jobs, { db: tx.boss });
}
