import { currentWorkspaceId } from "../auth/scope.ts";
import { db } from "../db.ts";
import { notFound } from "../errors.ts";
import { runSummarySelect, toRunSummary, typeLabel, versionLabels } from "./run-summary.ts";
import { serverTime } from "./server-time.ts";

export async function getRun(id: string) {
  const row = await db().run.findFirst({
    where: { id, workspaceId: currentWorkspaceId() },
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
