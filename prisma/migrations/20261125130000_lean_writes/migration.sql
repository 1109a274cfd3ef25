-- Fewer index entries per run step (issue 5: every run writes ~9 rows; each index entry costs).

-- History is keyed by (runId, seq) already: that unique key becomes the primary key, and the
-- surrogate id (a sequence call and one more index entry per step) goes.
ALTER TABLE "RunStep" DROP CONSTRAINT "RunStep_pkey";
ALTER TABLE "RunStep" DROP COLUMN "id";
DROP INDEX "RunStep_runId_seq_key";
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_pkey" PRIMARY KEY ("runId", "seq");

-- Outbound messages have no provider id: keep them out of the dedupe index.
DROP INDEX "Message_workspaceId_channel_providerMessageId_key";
CREATE UNIQUE INDEX "Message_workspaceId_channel_providerMessageId_key" ON "Message"("workspaceId", "channel", "providerMessageId") WHERE "providerMessageId" IS NOT NULL;

-- Every message bumps its contact's counter: room on each page lets that update stay HOT
-- (no new index entries).
ALTER TABLE "Contact" SET (fillfactor = 80);

-- The sweeper finds running runs through the status index (a sweep every 15 s can afford that);
-- a partial index of its own cost every run start one more entry.
DROP INDEX "Run_running_updatedAt_idx";
