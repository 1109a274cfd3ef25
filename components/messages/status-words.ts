import type { MessageStatus } from "./message-schema";

const words: Record<MessageStatus, string> = {
  pending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Not delivered",
};

/** An outbound message's status in words, as screen readers hear it: "Read", "Not delivered: <Meta's words>". */
export function statusWords(status: MessageStatus, error?: string | null): string {
  const reason = error?.trim();
  return status === "failed" && reason ? `${words.failed}: ${reason}` : words[status];
}
