"use client";

import { useState } from "react";
import { errorMessage, fetchJson } from "./fetch-json";
import { runListSchema, type RunSummary } from "./run-schemas";
import { usePolling } from "./use-polling";
import { clockSkew } from "./use-server-now";

/** Pages loaded with "Load more" for one filter query; `cursor` is the next one, null at the end. */
type Older = { query: string; runs: RunSummary[]; cursor: string | null };

async function loadRuns(query: string, cursor: string | null, signal?: AbortSignal) {
  const url = `/api/runs?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const answer = await fetchJson(url, runListSchema, { signal });
  return { query, runs: answer.runs, nextCursor: answer.nextCursor ?? null, skewMs: clockSkew(answer.serverTime, Date.now()) };
}

/**
 * The runs list for a filter query: the first page reloaded on the server's change notices for
 * these runs (polled every 2 s if the stream fails; new runs appear on top), and
 * older pages appended on demand. Loaded pages are kept while the first page moves on: a run that
 * new ones push off the first page stays on screen, just no longer refreshed.
 */
export function useRunPages(query: string, automationId?: string) {
  const first = usePolling(query, (signal) => loadRuns(query, null, signal), {
    intervalMs: 2000,
    live: { topic: "runs", ...(automationId ? { automationId } : {}) },
  });
  const [older, setOlder] = useState<Older | null>(null);
  const [loading, setLoading] = useState<{ query: string; error: string | null } | null>(null);
  const current = older?.query === query ? older : null;
  const state = loading?.query === query ? loading : null;

  // The polled answer keeps the previous filters' runs until the new filters' first answer: none of
  // them belong on screen meanwhile.
  const data = first.data?.query === query ? first.data : null;
  const firstRuns = data?.runs ?? [];
  const runs = current ? mergeRuns(firstRuns, current.runs) : firstRuns;
  const nextCursor = current ? current.cursor : (data?.nextCursor ?? null);

  const loadMore = async () => {
    if (!nextCursor || (state && state.error === null)) return;
    setLoading({ query, error: null });
    try {
      const page = await loadRuns(query, nextCursor);
      // Keep what is on screen now (it may leave the first page later) plus the new page.
      setOlder({ query, runs: [...runs, ...page.runs], cursor: page.nextCursor });
      setLoading((previous) => (previous?.query === query ? null : previous));
    } catch (error) {
      setLoading((previous) => (previous?.query === query ? { query, error: errorMessage(error) } : previous));
    }
  };

  return {
    first,
    /** The first page for these filters; null until it arrives. */
    data,
    runs,
    hasMore: nextCursor !== null,
    loadingMore: state !== null && state.error === null,
    loadMoreError: state?.error ?? null,
    loadMore,
  };
}

/**
 * The fresh first page, then the kept runs older than its last one (the API's order: createdAt,
 * then id, both descending). Kept runs within the first page's span are replaced by its version.
 */
function mergeRuns(firstPage: RunSummary[], kept: RunSummary[]): RunSummary[] {
  const last = firstPage.at(-1);
  if (!last) return kept;
  return [...firstPage, ...kept.filter((run) => isOlder(run, last))];
}

const isOlder = (run: RunSummary, than: RunSummary) =>
  run.createdAt < than.createdAt || (run.createdAt === than.createdAt && run.id < than.id);
