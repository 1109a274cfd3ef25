"use client";

import { useState } from "react";
import { fetchJson } from "@/components/runs/fetch-json";
import { usePolling } from "@/components/runs/use-polling";
import { conversationListSchema, type ConversationList } from "./inbox-schemas";

const PAGE_SIZE = 50;
/** Without the live stream, the inbox asks this often. */
const POLL_MS = 5000;

export type InboxFilters = { status: "open" | "closed"; mine: boolean };

/**
 * The inbox list, reloaded when a conversation changes (live notices, topic "conversations").
 * "Load more" raises how many are shown; each reload reads that many again from the top, so a
 * conversation that moved up is never shown twice.
 */
export function useConversations({ status, mine }: InboxFilters) {
  const [wanted, setWanted] = useState(PAGE_SIZE);
  const key = `${status}:${mine}:${wanted}`;
  const list = usePolling<ConversationList>(key, (signal) => loadUpTo(status, mine, wanted, signal), {
    intervalMs: POLL_MS,
    live: { topic: "conversations" },
  });
  return { ...list, loadMore: () => setWanted((n) => n + PAGE_SIZE) };
}

async function loadUpTo(status: string, mine: boolean, wanted: number, signal: AbortSignal): Promise<ConversationList> {
  const base = new URLSearchParams({ status, limit: String(PAGE_SIZE), ...(mine ? { mine: "true" } : {}) });
  let page = await fetchJson(`/api/conversations?${base}`, conversationListSchema, { signal });
  const conversations = [...page.conversations];
  while (page.nextCursor && conversations.length < wanted) {
    page = await fetchJson(`/api/conversations?${base}&cursor=${encodeURIComponent(page.nextCursor)}`, conversationListSchema, { signal });
    conversations.push(...page.conversations);
  }
  return { conversations, nextCursor: page.nextCursor, unreadOpen: page.unreadOpen };
}
