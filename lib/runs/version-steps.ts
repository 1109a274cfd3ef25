import { PUBLISHED_VERSIONS } from "../automations/published.ts";
import { z } from "zod";
import { currentWorkspaceId } from "../auth/scope.ts";
import { db } from "../db.ts";
import { notFound } from "../errors.ts";
import { graphSchema, type GraphNode } from "../flow/graph.ts";
import { typeLabel } from "./run-summary.ts";

export const versionStepsQuery = z.object({ automationId: z.string().trim().min(1).max(100) });

/** Versions listed, newest first: the runs console's Version select. */
const MAX_VERSIONS = 200;

export type VersionSteps = { version: number; publishedAt: string; steps: { nodeId: string; label: string }[] };

/**
 * GET /api/runs/versions?automationId=: the automation's published versions and each one's steps,
 * for the console's Version and Step filters. Steps come from the version's own graph (what its
 * runs walk), named by type, with the message text or the node id where a type repeats.
 */
export async function versionSteps(automationId: string): Promise<{ versions: VersionSteps[] }> {
  const automation = await db().automation.findFirst({
    where: { id: automationId, workspaceId: currentWorkspaceId() },
    select: { versions: { where: PUBLISHED_VERSIONS, orderBy: { version: "desc" }, take: MAX_VERSIONS, select: { version: true, graph: true, createdAt: true } } },
  });
  if (!automation) throw notFound("Automation");
  return {
    versions: automation.versions.map((v) => ({ version: v.version, publishedAt: v.createdAt.toISOString(), steps: stepsOf(v.graph) })),
  };
}

function stepsOf(graph: unknown): VersionSteps["steps"] {
  const parsed = graphSchema.safeParse(graph);
  if (!parsed.success) return [];
  const nodes = parsed.data.nodes.filter((node) => node.type !== "trigger");
  const repeated = new Set(nodes.map((n) => n.type).filter((type, i, all) => all.indexOf(type) !== i));
  return nodes.map((node) => ({ nodeId: node.id, label: repeated.has(node.type) ? `${typeLabel(node.type)} · ${hint(node)}` : typeLabel(node.type) }));
}

/** What tells two nodes of one type apart: a message's first words, else the node id. */
function hint(node: GraphNode): string {
  const text = node.data.text;
  if (node.type === "sendMessage" && typeof text === "string" && text.trim() !== "") {
    const words = text.trim().replace(/\s+/g, " ");
    return words.length > 32 ? `“${words.slice(0, 31)}…”` : `“${words}”`;
  }
  return node.id;
}
