import { z } from "zod";
import { cursorParam, limitParam, timeAndIdKey } from "../api/pagination.ts";
import { MAX_TEXT_LENGTH } from "../flow/nodes/send-message.ts";

export const conversationStatuses = ["open", "closed"] as const;

/** `GET /api/conversations`: open ones by default; `mine=true` only those assigned to the caller. */
export const listConversationsQuery = z.object({
  status: z.enum(conversationStatuses).default("open"),
  mine: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  cursor: cursorParam(timeAndIdKey).optional(),
  limit: limitParam(50, 200),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

/** A transcript page goes backwards from the newest message: the cursor is the (contactSeq, id) of the oldest shown. */
export const transcriptQuery = z.object({
  cursor: cursorParam(z.tuple([z.number().int().min(0), z.string().min(1).max(100)])).optional(),
  limit: limitParam(50, 200),
});
export type TranscriptQuery = z.infer<typeof transcriptQuery>;

/** An approved template, named as sendMessage nodes name them (lib/flow/nodes/send-message.ts). */
export const replyTemplate = z
  .object({
    name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "Template names use lowercase letters, digits and underscores"),
    language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "Languages look like en_US or it").default("en_US"),
    params: z.array(z.string().trim().min(1, "A parameter cannot be empty").max(1024)).max(20, "At most 20 parameters").default([]),
  })
  .strict();
export type ReplyTemplate = z.infer<typeof replyTemplate>;

/** `POST /api/conversations/:id/reply`: free text (inside the 24-hour window) or a template (any time). */
export const replyBody = z.union([
  z.object({ text: z.string().trim().min(1, "Write the reply").max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters`) }).strict(),
  z.object({ template: replyTemplate }).strict(),
]);
export type ReplyBody = z.infer<typeof replyBody>;

/** `POST /api/conversations/:id/assign`: to the signed-in user, or to nobody. */
export const assignBody = z.object({ assigneeId: z.literal("me").nullable() }).strict();
export type AssignBody = z.infer<typeof assignBody>;
