"use client";

import clsx from "clsx";
import { UserRound } from "lucide-react";
import { RelativeTime } from "@/components/runs/relative-time";
import { contactTitle, type ConversationSummary } from "./inbox-schemas";

type Props = { conversations: ConversationSummary[]; selectedId: string | null; now: number | null; onSelect: (id: string) => void };

/** The inbox's left pane: one row per conversation, the latest message first, unread ones marked. */
export function ConversationList({ conversations, selectedId, now, onSelect }: Props) {
  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-100">
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <ConversationRow conversation={conversation} selected={conversation.id === selectedId} now={now} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

function ConversationRow({ conversation, selected, now, onSelect }: { conversation: ConversationSummary; selected: boolean; now: number | null; onSelect: (id: string) => void }) {
  const { contact, note, unread, assignee, lastMessage } = conversation;
  const title = contactTitle(contact);
  return (
    <button
      type="button"
      data-testid="conversation-row"
      data-unread={unread || undefined}
      aria-current={selected || undefined}
      aria-label={`${title}${unread ? ", unread" : ""}`}
      onClick={() => onSelect(conversation.id)}
      className={clsx("flex w-full flex-col gap-0.5 px-4 py-3 text-left transition-colors", selected ? "bg-brand-50" : "hover:bg-slate-50")}
    >
      <span className="flex items-center gap-2">
        {unread && <span role="img" aria-label="Unread" className="size-2 shrink-0 rounded-full bg-brand-600" />}
        <span className={clsx("min-w-0 flex-1 truncate text-sm", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>{title}</span>
        <span className="shrink-0 text-xs text-slate-500">
          <RelativeTime iso={conversation.lastMessageAt} now={now} />
        </span>
      </span>
      {contact.name && contact.phone && <span className="text-xs text-slate-500 tabular-nums">{contact.phone}</span>}
      {note && <span className="truncate text-xs text-amber-800">{note}</span>}
      {lastMessage && (
        <span className="truncate text-xs text-slate-500">
          {lastMessage.direction === "outbound" ? "Sent: " : ""}
          {lastMessage.text}
        </span>
      )}
      {assignee && (
        <span className="mt-0.5 inline-flex items-center gap-1 text-xs text-slate-500">
          <UserRound aria-hidden className="size-3" />
          {assignee.name ?? "Someone"}
        </span>
      )}
    </button>
  );
}
