import { z } from "zod";
import { postJson } from "@/components/runs/fetch-json";

const replyResultSchema = z.object({ messageId: z.string(), status: z.string() });

export type ReplyInput = { text: string } | { template: { name: string; language: string; params: string[] } };

/** `POST /api/conversations/:id/reply`. */
export const postReply = (conversationId: string, body: ReplyInput) =>
  postJson(`/api/conversations/${encodeURIComponent(conversationId)}/reply`, body, replyResultSchema);
