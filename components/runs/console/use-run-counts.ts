"use client";

import { fetchJson } from "../fetch-json";
import { usePolling } from "../use-polling";
import { runCountsSchema } from "./console-schemas";

/**
 * The totals per status for the filters (`query`: the API filters without status), reloaded on
 * the server's run notices like the list, so the totals and the rows move together.
 */
export function useRunCounts(query: string, automationId?: string) {
  const counts = usePolling(`counts?${query}`, (signal) => fetchJson(`/api/runs/counts?${query}`, runCountsSchema, { signal }), {
    intervalMs: 5000,
    live: { topic: "runs", ...(automationId ? { automationId } : {}) },
  });
  return counts;
}
