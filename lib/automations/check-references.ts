import { PUBLISHED_VERSIONS } from "./published.ts";
import { db } from "../db.ts";
import type { Issue } from "../errors.ts";
import type { PublishedGraph } from "../flow/published-graph.ts";
import { currentWorkspaceId } from "../auth/scope.ts";

/**
 * Publish-time rules that need the database: a Start automation aims at another automation of
 * this workspace that has something published; Exit automations names automations that exist.
 */
export async function checkReferences(automationId: string, graph: PublishedGraph): Promise<Issue[]> {
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (node.type === "startAutomation") ids.add(node.data.automationId);
    if (node.type === "exitAutomations") for (const id of node.data.automationIds ?? []) ids.add(id);
  }
  if (ids.size === 0) return [];
  const rows = await db().automation.findMany({
    where: { id: { in: [...ids] }, workspaceId: currentWorkspaceId() },
    select: { id: true, name: true, _count: { select: { versions: { where: PUBLISHED_VERSIONS } } } },
  });
  const found = new Map(rows.map((row) => [row.id, row]));
  return graph.nodes.flatMap((node): Issue[] => {
    if (node.type === "startAutomation") {
      const target = found.get(node.data.automationId);
      const path = "automationId";
      if (node.data.automationId === automationId) return [{ nodeId: node.id, path, message: "Start automation: an automation cannot start itself" }];
      if (!target) return [{ nodeId: node.id, path, message: "Start automation: the chosen automation does not exist" }];
      if (target._count.versions === 0) return [{ nodeId: node.id, path, message: `Start automation: "${target.name}" has nothing published yet` }];
    }
    if (node.type === "exitAutomations") {
      return (node.data.automationIds ?? []).flatMap((id, index) =>
        found.has(id) ? [] : [{ nodeId: node.id, path: `automationIds.${index}`, message: "Exit automations: a chosen automation does not exist" }],
      );
    }
    return [];
  });
}
