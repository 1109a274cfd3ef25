import { messageListSchema, type Message } from "@/components/messages/message-schema";
import { fetchJson } from "./fetch-json";

type MessagePage = { messages: Message[]; nextCursor?: string | null };

/** The largest page the messages API serves. */
const PAGE_SIZE = 500;

/** A contact's whole thread, oldest first, following the API's pages to the end; `key` is the phone or `user:<id>`. */
export async function loadThread(key: string, signal: AbortSignal): Promise<Message[]> {
  const messages: Message[] = [];
  const url = `/api/contacts/${encodeURIComponent(key)}/messages?limit=${PAGE_SIZE}`;
  let cursor: string | null = null;
  do {
    const page: MessagePage = await fetchJson(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url, messageListSchema, { signal });
    messages.push(...page.messages);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return messages;
}
