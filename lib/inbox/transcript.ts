import { z } from "zod";
import { db } from "../db.ts";
import { encodeCursor } from "../api/pagination.ts";
import type { TranscriptQuery } from "./conversation-schemas.ts";

type MessageRow = {
  id: string; direction: "inbound" | "outbound"; text: string; at: Date; runId: string | null; contactSeq: number;
  buttons: unknown; buttonId: string | null; status: string; channel: string; error: string | null; errorCode: number | null; template: unknown;
};

/**
 * A page of the contact's messages, going back from the newest: keyset on (contactSeq, id) over
 * the (contactId, contactSeq) index. The page itself reads oldest first, as a chat does;
 * `nextCursor` asks for the older messages before it.
 */
export async function transcriptPage(contactId: string, query: TranscriptQuery) {
  const before = query.cursor;
  const rows = await db().$queryRaw<MessageRow[]>`
    SELECT id, direction::text AS direction, text, at, "runId", "contactSeq", buttons, "buttonId", status, channel, error, "errorCode", template
    FROM "Message"
    WHERE "contactId" = ${contactId}
      AND (${before?.[0] ?? null}::int IS NULL OR ("contactSeq", id) < (${before?.[0] ?? 0}::int, ${before?.[1] ?? ""}))
    ORDER BY "contactSeq" DESC, id DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const oldest = page.at(-1);
  return {
    messages: page.reverse().map(toMessage),
    nextCursor: rows.length > query.limit && oldest ? encodeCursor([oldest.contactSeq, oldest.id]) : null,
  };
}

const buttonList = z.array(z.object({ id: z.string(), title: z.string() }));
const templateShape = z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) });

/** The shape of `GET /api/contacts/:phone/messages` (lib/runs/contact-messages.ts), JSON columns parsed. */
function toMessage(m: MessageRow) {
  const buttons = buttonList.safeParse(m.buttons);
  const template = templateShape.safeParse(m.template);
  return {
    id: m.id,
    direction: m.direction,
    text: m.text,
    at: m.at.toISOString(),
    ...(m.runId ? { runId: m.runId } : {}),
    ...(buttons.success && buttons.data.length > 0 ? { buttons: buttons.data } : {}),
    ...(m.buttonId ? { buttonId: m.buttonId } : {}),
    ...(m.direction === "outbound"
      ? {
          status: m.status,
          channel: m.channel,
          ...(m.status === "failed" && m.error ? { error: m.error } : {}),
          ...(m.status === "failed" && m.errorCode !== null ? { errorCode: m.errorCode } : {}),
          ...(template.success ? { template: template.data } : {}),
        }
      : {}),
  };
}
