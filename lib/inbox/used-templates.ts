import { db } from "../db.ts";

export type UsedTemplate = { name: string; language: string };

/**
 * The templates the workspace's automations already name in their Send message steps (drafts and
 * published versions): the inbox offers them when the 24-hour window is closed. A bare string
 * is shorthand for `{name}` (DESIGN.md); the language defaults to en_US as the engine's does.
 */
export async function usedTemplates(workspaceId: string): Promise<UsedTemplate[]> {
  return db().$queryRaw<UsedTemplate[]>`
    WITH graphs AS (
      SELECT a."draftGraph" AS graph FROM "Automation" a WHERE a."workspaceId" = ${workspaceId}
      UNION ALL
      SELECT v.graph FROM "AutomationVersion" v JOIN "Automation" a ON a.id = v."automationId" WHERE a."workspaceId" = ${workspaceId}
    ), templates AS (
      SELECT n.node->'data'->'template' AS t
      FROM graphs g, jsonb_array_elements(CASE WHEN jsonb_typeof(g.graph->'nodes') = 'array' THEN g.graph->'nodes' ELSE '[]'::jsonb END) AS n(node)
      WHERE n.node->>'type' = 'sendMessage' AND n.node->'data' ? 'template'
    ), named AS (
      SELECT CASE jsonb_typeof(t) WHEN 'string' THEN t #>> '{}' WHEN 'object' THEN t->>'name' END AS name,
        CASE WHEN jsonb_typeof(t) = 'object' AND jsonb_typeof(t->'language') = 'string' THEN t->>'language' ELSE 'en_US' END AS language
      FROM templates
    )
    SELECT DISTINCT trim(name) AS name, trim(language) AS language FROM named
    WHERE trim(name) ~ '^[a-z0-9_]+$' AND length(trim(name)) <= 512
    ORDER BY 1, 2
    LIMIT 100`;
}
