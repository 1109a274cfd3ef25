-- The care team's console (issue 9): simulator runs and contacts kept apart, per-node counters
-- of published versions, conversations handed to a human, and the indexes the console reads.

ALTER TABLE "Run" ADD COLUMN "test" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Contact" ADD COLUMN "test" BOOLEAN NOT NULL DEFAULT false;

-- Who is where now, per version and node (canvas counts, the runs list filtered by step).
CREATE INDEX "Run_active_node_idx" ON "Run"("versionId", "currentNodeId") WHERE status IN ('running', 'waiting');
-- The runs list filtered by version, newest first.
CREATE INDEX "Run_versionId_createdAt_id_idx" ON "Run"("versionId", "createdAt" DESC, id DESC);
-- Reply waits per version's node (stats, reports), read through the run.
CREATE INDEX "Wait_reply_node_idx" ON "Wait"("nodeId", "runId") WHERE kind = 'reply';
-- The soonest pending timeout at a node (the canvas overlay), walked in deadline order.
CREATE INDEX "Wait_pending_node_timeout_idx" ON "Wait"("nodeId", "timeoutAt") WHERE status = 'pending';

CREATE TABLE "NodeCount" (
  "versionId" TEXT NOT NULL,
  "nodeId" TEXT NOT NULL,
  "handle" TEXT NOT NULL,
  "shard" INTEGER NOT NULL,
  "count" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "NodeCount_pkey" PRIMARY KEY ("versionId", "nodeId", "handle", "shard")
);

CREATE TYPE "ConversationStatus" AS ENUM ('open', 'closed');

CREATE TABLE "Conversation" (
  "id" TEXT NOT NULL,
  "workspaceId" TEXT NOT NULL,
  "contactId" TEXT NOT NULL,
  "runId" TEXT,
  "nodeId" TEXT,
  "note" TEXT,
  "status" "ConversationStatus" NOT NULL DEFAULT 'open',
  "assigneeId" TEXT,
  "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "closedAt" TIMESTAMPTZ(3),
  "closedById" TEXT,
  "lastMessageAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastInboundAt" TIMESTAMPTZ(3),
  "readAt" TIMESTAMPTZ(3),
  CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Conversation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Conversation_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Conversation_workspaceId_status_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "status", "lastMessageAt" DESC, "id" DESC);
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");
CREATE UNIQUE INDEX "Conversation_one_open_per_contact" ON "Conversation"("contactId") WHERE status = 'open';

-- The runs console's totals per status for the workspace, an automation, a version (bench/runs-console.ts:
-- without it, counting a 1M-run workspace reads every row to check `test`).
CREATE INDEX "Run_console_counts_idx" ON "Run"("workspaceId", "automationId", "versionId", status) WHERE NOT test;
-- "Phone or name" search: a substring match (ILIKE '%…%') served by trigrams instead of a scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Contact_phone_trgm_idx" ON "Contact" USING gin (phone gin_trgm_ops);
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING gin (name gin_trgm_ops);
