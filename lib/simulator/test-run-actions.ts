import { z } from "zod";
import { currentAccess } from "../auth/scope.ts";
import { notFound } from "../errors.ts";
import { completeRunWait } from "../engine/operator-complete.ts";
import { receiveInbound } from "../engine/receive-inbound.ts";
import { transaction } from "../sql.ts";
import { testContactUserId } from "./test-contact.ts";

export const testReplyInput = z
  .object({
    text: z.string().trim().min(1, "Type a reply").max(4096).optional(),
    /** A quick-reply button tapped in the chat panel. */
    buttonId: z.string().trim().min(1).max(256).optional(),
  })
  .strict()
  .refine((input) => input.text !== undefined || input.buttonId !== undefined, { path: ["text"], message: "Type a reply" });

/** The caller's own test run of this automation, or a 404: nobody acts on others' runs through here. */
async function ownTestRun(automationId: string, runId: string) {
  const { workspaceId, actor } = currentAccess();
  const [run] = await transaction((tx) => tx.sql<{ id: string }>`
    SELECT r.id FROM "Run" r JOIN "Contact" c ON c.id = r."contactId"
    WHERE r.id = ${runId} AND r."automationId" = ${automationId} AND r."workspaceId" = ${workspaceId}
      AND r.test AND c."waUserId" = ${testContactUserId(actor)}`);
  if (!run) throw notFound("Test run");
  return { workspaceId, actor };
}

/** The test contact says something (or taps a button): it completes its waits like any reply. */
export async function replyToTestRun(automationId: string, runId: string, input: z.infer<typeof testReplyInput>) {
  const { workspaceId, actor } = await ownTestRun(automationId, runId);
  const { completedWaits } = await receiveInbound({ from: null, waUserId: testContactUserId(actor), text: input.text ?? input.buttonId ?? "", buttonId: input.buttonId, workspaceId });
  return { completedWaits };
}

/** "Skip": the current wait or delay ends now, as its timer would end it. */
export async function skipTestWait(automationId: string, runId: string) {
  const { workspaceId, actor } = await ownTestRun(automationId, runId);
  return completeRunWait(workspaceId, runId, "noResponse", actor);
}
