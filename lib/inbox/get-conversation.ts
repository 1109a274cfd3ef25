import { db } from "../db.ts";
import { outboundChannel } from "../channels/outbound.ts";
import { notFound } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { TranscriptQuery } from "./conversation-schemas.ts";
import { conversationSelect, toConversationSummary, type ConversationRow } from "./conversation-row.ts";
import { sessionState } from "./session-state.ts";
import { transcriptPage } from "./transcript.ts";
import { usedTemplates } from "./used-templates.ts";

/** One conversation of the workspace, or a 404 (another workspace's too). */
export async function findConversation(workspaceId: string, id: string): Promise<ConversationRow> {
  const [row] = await db().$queryRaw<ConversationRow[]>(Prisma.sql`${conversationSelect} WHERE v.id = ${id} AND v."workspaceId" = ${workspaceId}`);
  if (!row) throw notFound("Conversation");
  return row;
}

/**
 * `GET /api/conversations/:id`: the conversation with its contact, the run that handed it over
 * (automation, version, where it is), whether free text may go now (the 24-hour window on the
 * workspace's channel), the newest page of the transcript, and the templates the workspace's
 * automations use (offered when the window is closed).
 */
export async function getConversation(workspaceId: string, id: string, query: TranscriptQuery) {
  const row = await findConversation(workspaceId, id);
  const [run, session, transcript, templates] = await Promise.all([
    row.runId ? handingRun(row.runId) : null,
    outboundChannel(workspaceId).then((channel) => sessionState(<T extends object>(strings: TemplateStringsArray, ...values: unknown[]) => db().$queryRaw<T[]>(strings, ...values), row.contactId, channel)),
    transcriptPage(row.contactId, query),
    usedTemplates(workspaceId),
  ]);
  return { ...toConversationSummary(row), run, session, transcript, templates };
}

/** `GET /api/conversations/:id/messages?cursor=`: older pages of the transcript. */
export async function conversationMessages(workspaceId: string, id: string, query: TranscriptQuery) {
  const row = await findConversation(workspaceId, id);
  return transcriptPage(row.contactId, query);
}

async function handingRun(runId: string) {
  const run = await db().run.findUnique({
    where: { id: runId },
    select: { id: true, automationId: true, status: true, currentNodeId: true, automation: { select: { name: true } }, version: { select: { version: true } } },
  });
  return run ? { id: run.id, automationId: run.automationId, automationName: run.automation.name, version: run.version.version, status: run.status, currentNodeId: run.currentNodeId } : null;
}
