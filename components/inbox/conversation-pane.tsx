"use client";

import { CloudOff, ExternalLink, MessageSquareOff, Workflow } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { RunConversation } from "@/components/runs/run-conversation";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { StateMessage } from "@/components/runs/state-message";
import { formatDateTime } from "@/components/runs/format-time";
import { Button } from "@/components/ui/button";
import { ConversationActions } from "./conversation-actions";
import { contactTitle, type ConversationDetail } from "./inbox-schemas";
import { ReplyBox } from "./reply-box";
import { TemplateReply } from "./template-reply";
import { useConversation } from "./use-conversation";

type Props = { id: string; contactId: string | null; meId: string | null; canWrite: boolean; now: number | null; onChanged: () => void };

/** The selected conversation: who, the run that handed it over, the transcript, and the reply box. */
export function ConversationPane({ id, contactId, meId, canWrite, now, onChanged }: Props) {
  const conversation = useConversation(id, contactId);
  const detail = conversation.data?.id === id ? conversation.data : null;
  useMarkRead(detail, canWrite, onChanged);

  if (!detail) {
    return conversation.error ? (
      <StateMessage icon={conversation.errorStatus === 404 ? MessageSquareOff : CloudOff} title="Couldn't load the conversation" tone={conversation.errorStatus === 404 ? "neutral" : "error"}>
        {conversation.error}
      </StateMessage>
    ) : (
      <p className="py-10 text-center text-sm text-slate-400">Loading conversation…</p>
    );
  }

  const refresh = () => {
    conversation.refresh();
    onChanged();
  };
  return (
    <section aria-label={`Conversation with ${contactTitle(detail.contact)}`} className="flex min-h-0 flex-1 flex-col">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-slate-900">
            <Link href={`/contacts/${encodeURIComponent(detail.contact.key)}`} className="hover:underline">
              {contactTitle(detail.contact)}
            </Link>
          </h2>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            {detail.contact.name && detail.contact.phone && <span className="tabular-nums">{detail.contact.phone}</span>}
            {detail.run && (
              <Link href={`/runs/${encodeURIComponent(detail.run.id)}`} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
                <Workflow aria-hidden className="size-3" />
                {`Handed over by ${detail.run.automationName} v${detail.run.version}`}
                <ExternalLink aria-hidden className="size-3" />
              </Link>
            )}
            {detail.run && <RunStatusBadge status={detail.run.status} />}
            {detail.assignee && <span>Assigned to {detail.assignee.id === meId ? "you" : (detail.assignee.name ?? "someone")}</span>}
          </p>
          {detail.note && <p className="mt-1 text-sm text-amber-800">{detail.note}</p>}
        </div>
        {canWrite && <ConversationActions conversation={detail} meId={meId} onDone={refresh} />}
      </header>
      {conversation.hasOlder && (
        <div className="border-b border-slate-100 px-4 py-1.5 text-center">
          <Button size="sm" variant="ghost" disabled={conversation.loadingOlder} onClick={() => void conversation.loadOlder()}>
            Load older messages
          </Button>
        </div>
      )}
      <div className="min-h-0 flex-1 [&>div]:h-full">
        <RunConversation messages={conversation.messages} error={null} runId={null} now={now} />
      </div>
      {detail.status === "closed" ? (
        <p className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-500">
          Closed{detail.closedAt ? ` ${formatDateTime(detail.closedAt)}` : ""}
          {detail.closedBy?.name ? ` by ${detail.closedBy.name}` : ""}. A new handoff opens a new conversation.
        </p>
      ) : !canWrite ? (
        <p className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-500">Your role may read the inbox but not reply.</p>
      ) : detail.session.open ? (
        <ReplyBox key={detail.id} conversationId={detail.id} onSent={refresh} />
      ) : (
        <TemplateReply key={detail.id} conversationId={detail.id} templates={detail.templates} onSent={refresh} />
      )}
    </section>
  );
}

/** Looking at a conversation reads it: on opening, and again when the contact writes while it is open. */
function useMarkRead(detail: ConversationDetail | null, canWrite: boolean, onChanged: () => void) {
  const asked = useRef<string | null>(null);
  const unreadKey = detail && detail.unread && detail.status === "open" ? `${detail.id}:${detail.lastMessageAt}` : null;
  useEffect(() => {
    if (!canWrite || !unreadKey || asked.current === unreadKey || document.hidden) return;
    asked.current = unreadKey;
    const id = unreadKey.slice(0, unreadKey.indexOf(":"));
    void fetch(`/api/conversations/${encodeURIComponent(id)}/read`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then(
      (response) => response.ok && onChanged(),
      () => undefined,
    );
  }, [unreadKey, canWrite, onChanged]);
}
