import { z } from "zod";
import { db } from "../db.ts";
import { currentWorkspaceId } from "../auth/scope.ts";

/** How many keys the editor's insert-field menu lists at most. */
const MAX_KEYS = 500;

/**
 * The field keys some contact of the workspace has, alphabetically: the editor offers them as
 * dynamic fields and warns about keys no contact has. (A scan of the workspace's contacts; fine
 * for the editor's one call per open. A key registry table would serve millions of contacts.)
 */
export async function listFieldKeys(): Promise<string[]> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT DISTINCT k.key FROM "Contact" c CROSS JOIN LATERAL jsonb_object_keys(c.fields) AS k(key)
    WHERE c."workspaceId" = ${currentWorkspaceId()} ORDER BY k.key LIMIT ${MAX_KEYS}`;
  return z.array(z.object({ key: z.string() })).parse(rows).map((row) => row.key);
}
