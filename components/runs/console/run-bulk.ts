import { postJson } from "../fetch-json";
import { bulkResultSchema, type BulkAction, type BulkResult } from "./console-schemas";

/** Runs per request: the API's chunk, so each request is one transaction and progress moves often. */
const CHUNK = 500;

export type BulkTarget =
  | { kind: "ids"; ids: string[] }
  /** `filters`: the API filters (apiFilters); `at`: the moment of confirmation, server clock. */
  | { kind: "matching"; filters: URLSearchParams; at: Date };

export type BulkProgress = { processed: number; affected: number };

/**
 * Runs the bulk action to the end, a chunk per request, reporting after each. Every matching run
 * is visited once (the API walks them newest first by cursor); `startedBefore` is pinned to the
 * moment of confirmation so runs started during the bulk are not swept in.
 */
export async function runBulk(action: BulkAction, target: BulkTarget, onProgress: (progress: BulkProgress) => void): Promise<BulkProgress> {
  const total: BulkProgress = { processed: 0, affected: 0 };
  const add = (answer: { processed: number; affected: number }) => {
    total.processed += answer.processed;
    total.affected += answer.affected;
    onProgress({ ...total });
  };
  if (target.kind === "ids") {
    for (let i = 0; i < target.ids.length; i += CHUNK) {
      const runIds = target.ids.slice(i, i + CHUNK);
      const answer = await postJson("/api/runs/bulk", { action, runIds }, bulkResultSchema);
      // Runs no longer active are not visited at all: they count as processed, not affected.
      add({ processed: runIds.length, affected: answer.affected });
    }
    return total;
  }
  const body = { action, ...bodyFilters(target.filters, target.at), limit: CHUNK };
  let cursor: string | null = null;
  do {
    const answer: BulkResult = await postJson("/api/runs/bulk", { ...body, ...(cursor ? { cursor } : {}) }, bulkResultSchema);
    add(answer);
    cursor = answer.nextCursor;
  } while (cursor);
  return total;
}

/** The list's filters as the bulk body takes them, `startedBefore` no later than `at`. */
function bodyFilters(filters: URLSearchParams, at: Date): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  for (const [key, value] of filters) body[key] = key === "version" ? Number(value) : value;
  const before = filters.get("startedBefore");
  body.startedBefore = before && new Date(before) < at ? before : at.toISOString();
  return body;
}
