"use client";

import { awaitsReceipt, type Message } from "@/components/messages/message-schema";
import { loadThread } from "@/components/runs/load-thread";
import { RunConversation } from "@/components/runs/run-conversation";
import { usePolling } from "@/components/runs/use-polling";

/** How often the thread is read again while a message's ticks may still change. */
const RECEIPT_POLL_MS = 5000;

/**
 * The contact's whole WhatsApp thread (each message links to the run that sent it). Read again
 * every few seconds only while an outbound message may still change status (pending, or sent or
 * delivered on WhatsApp, recently); once every status is final, one last look and it stops.
 * Polls pause while the tab is hidden.
 */
export function ContactConversation({ contactKey, now }: { contactKey: string; now: number | null }) {
  const thread = usePolling<Message[]>(contactKey, (signal) => loadThread(contactKey, signal), {
    intervalMs: RECEIPT_POLL_MS,
    done: (messages) => !messages.some((message) => awaitsReceipt(message, Date.now())),
  });

  return (
    <section aria-labelledby="conversation-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="conversation-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        Conversation
      </h2>
      {/* A failed re-read keeps the thread on screen; the error shows only when there is nothing to show. */}
      <RunConversation messages={thread.data} error={thread.data ? null : thread.error} runId={null} now={now} />
    </section>
  );
}
