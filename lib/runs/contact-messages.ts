import { z } from "zod";
import { db } from "../db.ts";
import { cursorParam, limitParam, toPage } from "../api/pagination.ts";
import { notFound } from "../errors.ts";
import { parseContactKey } from "../contacts/contact-key.ts";
import { currentWorkspaceId } from "../auth/scope.ts";

export const contactMessagesQuery = z.object({
  cursor: cursorParam(z.tuple([z.number().int().min(0), z.string().min(1).max(100)])).optional(),
  limit: limitParam(200, 500),
});

/**
 * A contact's thread, oldest first, a page at a time: keyset on the contact's message counter
 * (contactSeq, served by the (contactId, contactSeq) index), with the id as a tie-break so a page
 * boundary can never skip a message even if two ever shared a number.
 */
export async function contactMessages(phone: string, query: z.infer<typeof contactMessagesQuery>) {
  const contact = await db().contact.findFirst({ where: { workspaceId: currentWorkspaceId(), ...parseContactKey(phone) }, select: { id: true } });
  if (!contact) throw notFound("Contact");
  const after = query.cursor;
  const rows = await db().message.findMany({
    where: {
      contactId: contact.id,
      ...(after
        ? { contactSeq: { gte: after[0] }, OR: [{ contactSeq: { gt: after[0] } }, { id: { gt: after[1] } }] }
        : {}),
    },
    orderBy: [{ contactSeq: "asc" }, { id: "asc" }],
    select: { id: true, direction: true, text: true, at: true, runId: true, contactSeq: true, buttons: true, buttonId: true, status: true, channel: true, error: true, errorCode: true, template: true },
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (m) => [m.contactSeq, m.id]);
  return {
    messages: page.items.map((m) => ({
      id: m.id,
      direction: m.direction,
      text: m.text,
      at: m.at.toISOString(),
      ...(m.runId ? { runId: m.runId } : {}),
      ...buttonsOf(m.buttons),
      ...(m.buttonId ? { buttonId: m.buttonId } : {}),
      ...(m.direction === "outbound" ? deliveryOf(m) : {}),
    })),
    nextCursor: page.nextCursor,
  };
}

const buttonList = z.array(z.object({ id: z.string(), title: z.string() }));

/** Quick-reply buttons an outbound message carried (the JSON column parsed, never trusted). */
function buttonsOf(value: unknown): { buttons?: z.infer<typeof buttonList> } {
  const parsed = buttonList.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? { buttons: parsed.data } : {};
}

const templateShape = z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) });

/** An outbound message's delivery (DESIGN.md, "Channels"): its status, Meta's words when it failed, its template. */
function deliveryOf(m: { status: string; channel: string; error: string | null; errorCode: number | null; template: unknown }) {
  const template = templateShape.safeParse(m.template);
  return {
    status: m.status,
    channel: m.channel,
    ...(m.status === "failed" && m.error ? { error: m.error } : {}),
    ...(m.status === "failed" && m.errorCode !== null ? { errorCode: m.errorCode } : {}),
    ...(template.success ? { template: template.data } : {}),
  };
}
