"use client";

import { useState } from "react";
import type { Message } from "@/components/messages/message-schema";
import { fetchJson } from "@/components/runs/fetch-json";
import { usePolling } from "@/components/runs/use-polling";
import { conversationDetailSchema, transcriptSchema, type ConversationDetail } from "./inbox-schemas";

/** Without the live stream, an open conversation is read again this often. */
const POLL_MS = 4000;

/**
 * One conversation and its transcript, reloaded when it or the contact's messages change (live
 * topics "conversations" and "messages"). Older messages are paged in on request and kept in
 * front of the newest page, which every reload reads again.
 */
export function useConversation(id: string, contactId: string | null) {
  const detail = usePolling<ConversationDetail>(`conversation:${id}`, (signal) => fetchJson(`/api/conversations/${encodeURIComponent(id)}`, conversationDetailSchema, { signal }), {
    intervalMs: POLL_MS,
    live: [{ topic: "conversations", ids: [id] }, contactId ? { topic: "messages", ids: [contactId] } : { topic: "messages" }],
  });
  const [older, setOlder] = useState<{ id: string; messages: Message[]; cursor: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const mine = older?.id === id ? older : null;

  const newest = detail.data?.transcript.messages ?? null;
  const shown = new Set(newest?.map((m) => m.id));
  const messages = newest ? [...(mine?.messages.filter((m) => !shown.has(m.id)) ?? []), ...newest] : null;
  const olderCursor = mine ? mine.cursor : (detail.data?.transcript.nextCursor ?? null);

  async function loadOlder() {
    if (!olderCursor) return;
    setLoadingOlder(true);
    try {
      const page = await fetchJson(`/api/conversations/${encodeURIComponent(id)}/messages?cursor=${encodeURIComponent(olderCursor)}`, transcriptSchema);
      setOlder({ id, messages: [...page.messages, ...(mine?.messages ?? [])], cursor: page.nextCursor });
    } finally {
      setLoadingOlder(false);
    }
  }

  return { ...detail, messages, hasOlder: olderCursor !== null, loadingOlder, loadOlder };
}
