"use client";

import { CloudOff, Inbox, SearchX } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchJson } from "./fetch-json";
import { LiveIndicator } from "./live-indicator";
import { LoadMoreFooter } from "./load-more-footer";
import { automationListSchema, type AutomationOption } from "./run-schemas";
import { RunsFilters } from "./runs-filters";
import { RunsSummary } from "./runs-summary";
import { RunsTable, RunsTableSkeleton } from "./runs-table";
import { StateMessage } from "./state-message";
import { apiFilters, noFilters, runsQuery, useRunFilters } from "./use-run-filters";
import { useRunPages } from "./use-run-pages";
import { useServerNow } from "./use-server-now";
import { SelectionBanner } from "./console/selection-banner";
import { StatusTotals } from "./console/status-totals";
import { useBulkSelection } from "./console/use-bulk-selection";
import { useRunCounts } from "./console/use-run-counts";
import { useVersions } from "./console/use-versions";

/** Runs per page: the first page is live, older ones load on demand. */
const PAGE_SIZE = 50;

/**
 * The runs console: filters in the URL, totals per status, the first page reloaded on the
 * server's change notices (polled if the stream fails), and bulk actions on a selection.
 */
export function RunsPage() {
  const { filters, setFilters, active } = useRunFilters();
  const automationId = filters.automationId || undefined;
  const query = runsQuery(filters, PAGE_SIZE);
  const pages = useRunPages(query, automationId);
  const counts = useRunCounts(apiFilters(filters, { withStatus: false }).toString(), automationId);
  const runs = pages.first;
  const skewMs = pages.data?.skewMs ?? 0;
  const now = useServerNow(skewMs);
  const automations = useAutomations();
  const versions = useVersions(filters.automationId);
  const bulk = useBulkSelection({ query, filters, runs: pages.runs, counts: counts.data, skewMs });
  const refresh = () => {
    runs.refresh();
    counts.refresh();
  };

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-7xl px-6 py-6">
        <div className="mb-5 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Runs</h1>
            <p className="mt-1 text-sm text-slate-500">
              {pages.data ? <RunsSummary runs={pages.runs} hasMore={pages.hasMore} /> : "Contacts going through your automations, live."}
            </p>
          </div>
          <LiveIndicator updatedAt={runs.updatedAt} error={runs.error} paused={runs.paused} live={!runs.stopped} />
        </div>

        <div className="mb-4">
          <StatusTotals counts={counts.data} status={filters.status} onStatus={(status) => setFilters({ status })} />
        </div>

        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="border-b border-slate-200 px-4 py-3">
            <RunsFilters filters={filters} automations={automations} versions={versions} active={active} onChange={setFilters} />
          </div>
          {bulk.banner && (
            <SelectionBanner {...bulk.banner} onDone={refresh} />
          )}
          {runs.error && (pages.data === null || runs.stopped) ? (
            // No rows yet, or the server refused these filters (a 4xx): rows on screen would be stale.
            <StateMessage icon={CloudOff} title="Couldn't load runs" tone="error">
              {runs.error}. {runs.stopped ? "Check the filters." : "Retrying every few seconds."}
            </StateMessage>
          ) : pages.data === null ? (
            <RunsTableSkeleton />
          ) : pages.runs.length === 0 ? (
            active ? (
              <StateMessage icon={SearchX} title="No runs match these filters">
                Try another automation or status, or{" "}
                <button
                  type="button"
                  className="font-medium text-brand-700 hover:underline"
                  onClick={() => setFilters(noFilters)}
                >
                  clear the filters
                </button>
                .
              </StateMessage>
            ) : (
              <StateMessage icon={Inbox} title="No runs yet">
                Runs appear here as soon as contacts enter a published automation.{" "}
                <Link href="/automations" className="font-medium text-brand-700 hover:underline">
                  Go to automations
                </Link>
              </StateMessage>
            )
          ) : (
            <>
              <div className="overflow-x-auto">
                <RunsTable runs={pages.runs} now={now} selection={bulk.rows} />
              </div>
              <LoadMoreFooter
                hasMore={pages.hasMore}
                loading={pages.loadingMore}
                error={pages.loadMoreError}
                onLoadMore={() => void pages.loadMore()}
                endText={`No more runs: ${pages.runs.length === 1 ? "this is the only one" : `all ${pages.runs.length} are shown`}.`}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * Automations for the filter, loaded once: the most recently edited 200 (the API's largest page).
 * The filter still works by id for one outside them (a link from an older automation), or if this fails.
 */
function useAutomations(): AutomationOption[] {
  const [automations, setAutomations] = useState<AutomationOption[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchJson("/api/automations?limit=200", automationListSchema, { signal: controller.signal })
      .then((answer) => setAutomations(answer.automations))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return automations;
}
