import { readFileSync } from "node:fs";
import path from "node:path";
import { createAutomation as createAutomationUnscoped, publishAutomation as publishAutomationUnscoped } from "../../lib/automations/automations.ts";
import { db } from "../../lib/db.ts";
import { graphSchema, type Graph } from "../../lib/flow/graph.ts";
import { waitFor } from "./wait-for.ts";
import { inWorkspace } from "../../lib/auth/scope.ts";

const createAutomation = inWorkspace("default", createAutomationUnscoped);
const publishAutomation = inWorkspace("default", publishAutomationUnscoped);

export function fixture(name: string): Graph {
  const file = path.join(process.cwd(), "test", "fixtures", `${name}.json`);
  return graphSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** The fixture with every node's data patched, e.g. `{ ask: { text: "v2" } }`. */
export function withData(graph: Graph, patch: Record<string, Record<string, unknown>>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (patch[n.id] ? { ...n, data: { ...n.data, ...patch[n.id] } } : n)) };
}

export async function publishedAutomation(graph: Graph, name = "Test automation") {
  const automation = await createAutomation({ name, graph });
  const { version } = await publishAutomation(automation.id);
  return { id: automation.id, version };
}

export const runOf = (id: string) =>
  db().run.findUniqueOrThrow({ where: { id }, include: { steps: { orderBy: { seq: "asc" } }, waits: true, messages: { orderBy: { contactSeq: "asc" } } } });

export function waitForStatus(runId: string, statuses: string[], timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const run = await db().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
      return statuses.includes(run.status) ? run.status : undefined;
    },
    { timeoutMs, what: `run ${runId} to be ${statuses.join("/")}` },
  );
}

/** Waits until no run of the automation is in any of the given statuses. */
export function waitForNone(automationId: string, statuses: ("running" | "waiting")[], timeoutMs = 60_000) {
  return waitFor(
    async () => (await db().run.count({ where: { automationId, status: { in: statuses } } })) === 0,
    { timeoutMs, what: `no ${statuses.join("/")} runs` },
  );
}

export const outboundTexts = async (runId: string) =>
  (await db().message.findMany({ where: { runId, direction: "outbound" }, orderBy: { contactSeq: "asc" } })).map((m) => m.text);
