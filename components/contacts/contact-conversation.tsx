"use client";

import { useEffect, useState } from "react";
import { errorMessage } from "@/components/runs/fetch-json";
import { loadThread } from "@/components/runs/load-thread";
import { RunConversation } from "@/components/runs/run-conversation";
import type { Message } from "@/components/runs/run-schemas";

/** The contact's whole WhatsApp thread, loaded once (each message links to the run that sent it). */
export function ContactConversation({ phone, now }: { phone: string; now: number | null }) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadThread(phone, controller.signal)
      .then(setMessages)
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(reason));
      });
    return () => controller.abort();
  }, [phone]);

  return (
    <section aria-labelledby="conversation-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="conversation-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        Conversation
      </h2>
      <RunConversation messages={messages} error={error} runId={null} now={now} />
    </section>
  );
}
