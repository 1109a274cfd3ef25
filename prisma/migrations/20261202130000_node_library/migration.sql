-- The node library (issue 6): what delays, webhook calls, buttons and chained automations store.

-- A wait's own state: a webhook retry keeps its attempt number and idempotency key here.
ALTER TABLE "Wait" ADD COLUMN "data" JSONB;

-- Quick-reply buttons an outbound message carried; the button an inbound message pressed.
ALTER TABLE "Message" ADD COLUMN "buttons" JSONB;
ALTER TABLE "Message" ADD COLUMN "buttonId" TEXT;

-- How many Start automation steps led to this run: chains are bounded (see start-automation executor).
ALTER TABLE "Run" ADD COLUMN "depth" INTEGER NOT NULL DEFAULT 0;

-- The webhook outbox: the step's transaction stores the call; a job makes it outside any
-- transaction and records the answer. `key` is the Idempotency-Key, the same for every retry.
CREATE TYPE "WebhookCallStatus" AS ENUM ('pending', 'calling', 'done');

CREATE TABLE "WebhookCall" (
  "id" TEXT NOT NULL,
  "runId" TEXT NOT NULL,
  "runSeq" INTEGER NOT NULL,
  "nodeId" TEXT NOT NULL,
  "attempt" INTEGER NOT NULL,
  "attempts" INTEGER NOT NULL,
  "key" TEXT NOT NULL,
  "request" JSONB NOT NULL,
  "status" "WebhookCallStatus" NOT NULL DEFAULT 'pending',
  "claimedAt" TIMESTAMPTZ(3),
  "responseStatus" INTEGER,
  "responseExcerpt" TEXT,
  "error" TEXT,
  "durationMs" INTEGER,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "completedAt" TIMESTAMPTZ(3),
  CONSTRAINT "WebhookCall_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "WebhookCall_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- One call per run step: a retried step job cannot store a second one.
CREATE UNIQUE INDEX "WebhookCall_runId_runSeq_key" ON "WebhookCall"("runId", "runSeq");
-- The sweeper's look for calls whose job was lost.
CREATE INDEX "WebhookCall_unfinished_idx" ON "WebhookCall"("createdAt") WHERE "status" <> 'done';
