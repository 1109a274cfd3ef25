-- The batch engine (issue 5): one mechanism for waits, who completed them, and the indexes the
-- sweeper and the per-channel 24-hour window need.

-- Waits are one mechanism: a Customer Response (reply), a delay or a webhook retry.
CREATE TYPE "WaitKind" AS ENUM ('reply', 'delay', 'retry');
ALTER TABLE "Wait" ADD COLUMN "kind" "WaitKind" NOT NULL DEFAULT 'reply';
-- Delivery reports will complete waits too (a failed send while waiting).
ALTER TYPE "WaitCompletion" ADD VALUE IF NOT EXISTS 'delivery';
-- The acting user of an operator completion (null for the engine's own completions).
ALTER TABLE "Wait" ADD COLUMN "completedByUserId" TEXT;

-- History names who caused a step (reply, timeout, operator, cancel, delivery) and the user.
ALTER TABLE "RunStep" ADD COLUMN "by" "WaitCompletion";
ALTER TABLE "RunStep" ADD COLUMN "actorId" TEXT;

-- The 24-hour window is per channel: it is read from the contact's latest inbound message on the
-- sending channel, not from a contact-wide timestamp that any channel bumped. This index finds a
-- contact's latest inbound messages (look-back, {{lastReply}}, the window) without walking past
-- every outbound message a campaign sent them.
ALTER TABLE "Contact" DROP COLUMN "lastInboundAt";
CREATE INDEX "Message_inbound_contactId_contactSeq_idx" ON "Message"("contactId", "contactSeq") WHERE "direction" = 'inbound';

-- The sweeper's questions: pending waits past their deadline, and running runs left alone.
CREATE INDEX "Wait_pending_timeoutAt_idx" ON "Wait"("timeoutAt") WHERE "status" = 'pending';
CREATE INDEX "Run_running_updatedAt_idx" ON "Run"("updatedAt") WHERE "status" = 'running';
