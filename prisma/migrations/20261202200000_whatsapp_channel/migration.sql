-- The WhatsApp Cloud API channel (issue 7): the send outbox, delivery statuses, contacts known
-- only by Meta's business-scoped user id, per-workspace channel settings, shared pacing, the
-- webhook inbox and the workers' metrics.

-- Outbound messages are the send outbox: stored `pending` by the step's transaction, sent by a
-- delivery job. The claim (claimedAt, attempts) keeps two workers from sending one at once;
-- nextAttemptAt is when a retry (rate limit, 5xx, network) may go; statusAt orders statuses.
ALTER TABLE "Message" ADD COLUMN "template" JSONB;
ALTER TABLE "Message" ADD COLUMN "error" TEXT;
ALTER TABLE "Message" ADD COLUMN "errorCode" INTEGER;
ALTER TABLE "Message" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Message" ADD COLUMN "claimedAt" TIMESTAMPTZ(3);
ALTER TABLE "Message" ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3);
ALTER TABLE "Message" ADD COLUMN "statusAt" TIMESTAMPTZ(3);
-- The sweeper's look for sends whose job was lost.
CREATE INDEX "Message_pending_outbound_idx" ON "Message"("at") WHERE "status" = 'pending' AND "direction" = 'outbound';

-- Since April 2026 a WhatsApp user with a username may reach us with a business-scoped user id
-- and no phone number: such a contact has a waUserId and no phone.
ALTER TABLE "Contact" ADD COLUMN "waUserId" TEXT;
ALTER TABLE "Contact" ALTER COLUMN "phone" DROP NOT NULL;
CREATE UNIQUE INDEX "Contact_workspaceId_waUserId_key" ON "Contact"("workspaceId", "waUserId");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_reachable" CHECK ("phone" IS NOT NULL OR "waUserId" IS NOT NULL);

-- A workspace's WhatsApp settings (the environment's, when set, take precedence). Secrets are
-- encrypted with SETTINGS_ENCRYPTION_KEY (AES-256-GCM): iv, tag and ciphertext in one text.
CREATE TABLE "WhatsappSettings" (
  "workspaceId" TEXT NOT NULL,
  "phoneNumberId" TEXT NOT NULL,
  "accessTokenEncrypted" TEXT NOT NULL,
  "appSecretEncrypted" TEXT,
  "verifyToken" TEXT,
  "apiBase" TEXT,
  "messagesPerSecond" INTEGER NOT NULL DEFAULT 80,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "WhatsappSettings_pkey" PRIMARY KEY ("workspaceId"),
  CONSTRAINT "WhatsappSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Pacing per sending phone number, shared by every worker: each send takes the next slot.
CREATE TABLE "SendPace" (
  "phoneNumberId" TEXT NOT NULL,
  "nextAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SendPace_pkey" PRIMARY KEY ("phoneNumberId")
);

-- Meta's webhook deliveries, stored as received (the answer is a 200 within milliseconds) and
-- processed by a job. A delivery repeated byte for byte (Meta retries for hours) is stored once.
CREATE TABLE "WebhookEvent" (
  "id" TEXT NOT NULL,
  "bodyHash" TEXT NOT NULL,
  "body" JSONB NOT NULL,
  "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "processedAt" TIMESTAMPTZ(3),
  CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WebhookEvent_bodyHash_key" ON "WebhookEvent"("bodyHash");
CREATE INDEX "WebhookEvent_unprocessed_idx" ON "WebhookEvent"("receivedAt") WHERE "processedAt" IS NULL;

-- Counters and histogram buckets the worker processes add to; /api/metrics reads them.
CREATE TABLE "MetricCounter" (
  "name" TEXT NOT NULL,
  "labels" TEXT NOT NULL,
  "value" DOUBLE PRECISION NOT NULL DEFAULT 0,
  CONSTRAINT "MetricCounter_pkey" PRIMARY KEY ("name", "labels")
);
