import { z } from "zod";
import { db } from "../db.ts";
import { notFound } from "../errors.ts";
import { phoneSchema } from "../phone.ts";
import { runSummarySelect, toRunSummary, typeLabel, versionLabels } from "./run-summary.ts";

export const runStatuses = ["running", "waiting", "completed", "failed", "cancelled"] as const;

export const listRunsQuery = z.object({
  automationId: z.string().min(1).optional(),
  status: z.enum(runStatuses).optional(),
  phone: z.string().trim().min(1).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listRuns(query: z.infer<typeof listRunsQuery>) {
  const rows = await db().run.findMany({
    where: {
      automationId: query.automationId,
      status: query.status,
      // A partial phone narrows the list as staff type it.
      contact: query.phone ? { phone: { contains: query.phone } } : undefined,
    },
    select: runSummarySelect,
    orderBy: { createdAt: "desc" },
    take: query.limit,
  });
  const labels = await versionLabels(rows.map((r) => r.version.id));
  return { runs: rows.map((row) => toRunSummary(row, labels(row.version.id))), serverTime: await serverTime() };
}

export async function getRun(id: string) {
  const row = await db().run.findUnique({
    where: { id },
    select: { ...runSummarySelect, steps: { orderBy: { seq: "asc" }, select: { seq: true, nodeId: true, type: true, outcome: true, detail: true, at: true } } },
  });
  if (!row) throw notFound("Run");
  return {
    ...toRunSummary(row, (await versionLabels([row.version.id]))(row.version.id)),
    steps: row.steps.map((s) => ({
      seq: s.seq,
      nodeId: s.nodeId,
      type: s.type,
      label: typeLabel(s.type),
      ...(s.outcome ? { outcome: s.outcome } : {}),
      ...(s.detail ? { detail: s.detail } : {}),
      at: s.at.toISOString(),
    })),
    serverTime: await serverTime(),
  };
}

export async function contactMessages(phone: string) {
  const parsed = phoneSchema.parse(phone);
  const contact = await db().contact.findFirst({ where: { phone: parsed }, select: { id: true } });
  if (!contact) throw notFound("Contact");
  const messages = await db().message.findMany({
    where: { contactId: contact.id },
    orderBy: { contactSeq: "asc" },
    select: { id: true, direction: true, text: true, at: true, runId: true },
  });
  return {
    messages: messages.map((m) => ({ id: m.id, direction: m.direction, text: m.text, at: m.at.toISOString(), ...(m.runId ? { runId: m.runId } : {}) })),
  };
}

/** The database clock, so the browser can correct its own when counting down to a timeout. */
async function serverTime(): Promise<string> {
  const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return (row?.now ?? new Date()).toISOString();
}
