"use client";

import type { Message } from "@/components/messages/message-schema";
import { fetchJson } from "@/components/runs/fetch-json";
import { loadThread } from "@/components/runs/load-thread";
import { isFinished, runDetailSchema, type RunWithSteps } from "@/components/runs/run-schemas";
import { clockSkew } from "@/components/runs/use-server-now";
import { usePolling } from "@/components/runs/use-polling";
import type { TestRun } from "./simulator-context";

export type TestRunView = { run: RunWithSteps; messages: Message[]; skewMs: number };

async function load(test: TestRun, signal: AbortSignal): Promise<TestRunView> {
  const [run, messages] = await Promise.all([
    fetchJson(`/api/runs/${encodeURIComponent(test.runId)}`, runDetailSchema, { signal }),
    loadThread(test.contactKey, signal),
  ]);
  // Only this run's conversation: the test contact's earlier tests stay out of the panel.
  return { run, messages: messages.filter((m) => m.runId === test.runId || (m.direction === "inbound" && Date.parse(m.at) >= Date.parse(run.createdAt))), skewMs: clockSkew(run.serverTime, Date.now()) };
}

/** The test run and its messages, live (the run's and the test contact's notices). */
export function useTestRun(test: TestRun) {
  return usePolling(`test:${test.runId}`, (signal) => load(test, signal), {
    intervalMs: 1000,
    done: (view) => isFinished(view.run.status),
    live: (view) => [{ topic: "runs", ids: [test.runId] }, ...(view ? [{ topic: "messages" as const, ids: [view.run.contactId] }] : [])],
  });
}
