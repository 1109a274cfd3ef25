-- Keyset pagination for the lists that grow (GET /api/runs, GET /api/automations): each filter
-- combination reads its page straight off an index in the list's order, (createdAt, id) newest
-- first for runs, (updatedAt, id) for automations, so no page sorts the table and a deep page
-- costs what the first one does.
--
-- Two older indexes become prefixes of new ones and are replaced: a lookup by (automationId,
-- status) or by (status, createdAt) is served by the wider index exactly as before, and one index
-- fewer per row is one fewer to update on every run step. Same for Automation(workspaceId).
-- (Plain CREATE INDEX: migrations run in a transaction. On a large live table, build these
-- CONCURRENTLY by hand first; the IF NOT EXISTS lets this migration pass over them.)

-- Runs: no filter.
CREATE INDEX IF NOT EXISTS "Run_createdAt_id_idx" ON "Run"("createdAt" DESC, "id" DESC);

-- Runs of an automation.
CREATE INDEX IF NOT EXISTS "Run_automationId_createdAt_id_idx" ON "Run"("automationId", "createdAt" DESC, "id" DESC);

-- Runs of an automation in a status (who is waiting in this campaign); replaces (automationId, status).
CREATE INDEX IF NOT EXISTS "Run_automationId_status_createdAt_id_idx" ON "Run"("automationId", "status", "createdAt" DESC, "id" DESC);
DROP INDEX IF EXISTS "Run_automationId_status_idx";

-- Runs in a status; replaces (status, createdAt).
CREATE INDEX IF NOT EXISTS "Run_status_createdAt_id_idx" ON "Run"("status", "createdAt" DESC, "id" DESC);
DROP INDEX IF EXISTS "Run_status_createdAt_idx";

-- The phone filter goes through the contact: Run(contactId) already serves it (a contact's runs
-- are few, and sorting them is not sorting the table).

-- Automations, most recently edited first; replaces (workspaceId).
CREATE INDEX IF NOT EXISTS "Automation_workspaceId_updatedAt_id_idx" ON "Automation"("workspaceId", "updatedAt" DESC, "id" DESC);
DROP INDEX IF EXISTS "Automation_workspaceId_idx";
