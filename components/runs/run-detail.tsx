"use client";

import { ArrowLeft, CircleAlert, CloudOff, MessagesSquare, SearchX } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { contactKey, contactLabel } from "@/components/contacts/contact-schemas";
import { awaitsReceipt, type Message } from "@/components/messages/message-schema";
import { CurrentStepCard } from "./current-step-card";
import { errorMessage, fetchJson } from "./fetch-json";
import { LiveIndicator } from "./live-indicator";
import { RunConversation } from "./run-conversation";
import { RunHeader } from "./run-header";
import { loadThread } from "./load-thread";
import { isFinished, runDetailSchema, type RunWithSteps } from "./run-schemas";
import { RunTimeline } from "./run-timeline";
import { SimulateReplyForm } from "./simulate-reply-form";
import { StateMessage } from "./state-message";
import { usePolling } from "./use-polling";
import { clockSkew, useServerNow } from "./use-server-now";

type Snapshot = { run: RunWithSteps; skewMs: number; messages: Message[] | null; messagesError: string | null };

/** The run, then the contact's thread; a thread that fails to load does not hide the run. */
async function loadRun(runId: string, signal: AbortSignal): Promise<Snapshot> {
  const run = await fetchJson(`/api/runs/${encodeURIComponent(runId)}`, runDetailSchema, { signal });
  const skewMs = clockSkew(run.serverTime, Date.now());
  // A server that does not send waUserId yet leaves a username-only contact with no key to ask by.
  if (!run.phone && !run.waUserId) return { run, skewMs, messages: null, messagesError: "the run names no phone or WhatsApp user id" };
  try {
    const messages = await loadThread(contactKey(run), signal);
    return { run, skewMs, messages, messagesError: null };
  } catch (error) {
    if (signal.aborted) throw error;
    return { run, skewMs, messages: null, messagesError: errorMessage(error) };
  }
}

/**
 * One run, live: reloaded on the server's notices about the run and its contact's messages (or,
 * without the stream, every 1.5 s) until it finishes; then, while a message it sent still awaits
 * its receipts (a run usually finishes right after its last send), every 5 s; then one last look.
 */
export function RunDetail({ runId }: { runId: string }) {
  const [finished, setFinished] = useState(false);
  const live = usePolling<Snapshot>(runId, (signal) => loadRun(runId, signal), {
    intervalMs: finished ? 5000 : 1500,
    done: (snapshot) => isFinished(snapshot.run.status) && !awaitingReceipts(snapshot, Date.now()),
    live: (snapshot) => [{ topic: "runs", ids: [runId] }, ...(snapshot ? [{ topic: "messages" as const, ids: [snapshot.run.contactId] }] : [])],
  });
  const runFinished = live.data ? isFinished(live.data.run.status) : false;
  if (runFinished !== finished) setFinished(runFinished);
  const now = useServerNow(live.data?.skewMs ?? 0);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-7xl px-6 py-6">
        <div className="mb-4 flex items-center justify-between gap-4">
          <Link href="/runs" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
            <ArrowLeft aria-hidden className="size-3.5" />
            All runs
          </Link>
          {live.errorStatus !== 404 && (
            <LiveIndicator updatedAt={live.updatedAt} error={live.error} paused={live.paused} live={!live.stopped} />
          )}
        </div>
        {live.data ? (
          <RunView snapshot={live.data} now={now} refresh={live.refresh} />
        ) : live.error ? (
          <div className="rounded-xl border border-slate-200 bg-white shadow-xs">
            {live.errorStatus === 404 ? (
              <StateMessage icon={SearchX} title="Run not found">
                No run has the id <span className="font-mono text-slate-700">{runId}</span>.{" "}
                <BackToRuns />
              </StateMessage>
            ) : (
              <StateMessage icon={CloudOff} title="Couldn't load this run" tone="error">
                {live.error}. <BackToRuns />
              </StateMessage>
            )}
          </div>
        ) : (
          <p className="py-16 text-center text-sm text-slate-400">Loading run…</p>
        )}
      </div>
    </div>
  );
}

/** Whether a message this run sent may still change status; `clientNow` is corrected to the server's clock. */
const awaitingReceipts = ({ run, messages, skewMs }: Snapshot, clientNow: number) =>
  messages?.some((message) => message.runId === run.id && awaitsReceipt(message, clientNow + skewMs)) ?? false;

const BackToRuns = () => (
  <Link href="/runs" className="font-medium text-brand-700 hover:underline">
    Back to all runs
  </Link>
);

function RunView({ snapshot, now, refresh }: { snapshot: Snapshot; now: number | null; refresh: () => void }) {
  const { run } = snapshot;
  const number = contactLabel(run);
  const contact = run.contactName || number;
  return (
    <div className="flex flex-col gap-5">
      <RunHeader run={run} now={now} onChanged={refresh} />
      {run.status === "failed" && (
        <div role="alert" className="flex gap-3 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
          <div>
            <p className="font-medium">This run failed</p>
            <p data-testid="failure-reason" className="mt-0.5 text-red-700">
              {run.failureReason || "No reason was recorded."}
            </p>
          </div>
        </div>
      )}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
        <div className="flex min-w-0 flex-col gap-5">
          <CurrentStepCard run={run} now={now} />
          <section aria-labelledby="history-title" className="rounded-xl border border-slate-200 bg-white shadow-xs">
            <h2 id="history-title" className="border-b border-slate-200 px-5 py-3 text-sm font-semibold text-slate-900">
              Step history
            </h2>
            <RunTimeline run={run} />
          </section>
        </div>
        <section
          aria-labelledby="conversation-title"
          className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs lg:sticky lg:top-0"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
            <h2 id="conversation-title" className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
              <MessagesSquare aria-hidden className="size-4 text-slate-500" />
              Conversation
            </h2>
            <span className="truncate text-xs text-slate-500 tabular-nums">{number}</span>
          </div>
          <RunConversation messages={snapshot.messages} error={snapshot.messagesError} runId={run.id} now={now} />
          {run.phone ? (
            <SimulateReplyForm phone={run.phone} contact={contact} onSent={refresh} />
          ) : (
            // The sandbox's inbound endpoint takes a phone: a username-only WhatsApp user cannot be played.
            <p className="border-t border-slate-200 bg-slate-50/70 px-4 py-3 text-xs text-slate-500">
              Replies can only be simulated for contacts with a phone number.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
