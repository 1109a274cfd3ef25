"use client";

import { runStatusSchema, type RunSummary } from "../run-schemas";
import type { RowSelection } from "../runs-table";
import { apiFilters, type RunFilters } from "../use-run-filters";
import type { BulkAction, RunCounts } from "./console-schemas";
import type { BulkTarget } from "./run-bulk";
import { useSelection } from "./use-selection";

type Input = { query: string; filters: RunFilters; runs: RunSummary[]; counts: RunCounts | null; skewMs: number };

/**
 * The console's selection: ticked rows, or every run matching the filters, with what each
 * action can reach (Cancel: running or waiting runs; Skip wait: waiting ones) and the request
 * target, made at the moment of confirmation.
 */
export function useBulkSelection({ query, filters, runs, counts, skewMs }: Input) {
  const selection = useSelection(query);
  const ids = runs.map((run) => run.id);
  const ticked = runs.filter((run) => selection.isSelected(run.id));
  const allMatching = selection.selection.kind === "matching";
  const status = runStatusSchema.safeParse(filters.status);
  const only = status.success ? status.data : null;
  const matching = counts ? (only ? counts.byStatus[only] : counts.total) : null;

  const reachable: Record<BulkAction, number> = allMatching
    ? {
        cancel: counts ? (only ? (only === "running" || only === "waiting" ? counts.byStatus[only] : 0) : counts.byStatus.running + counts.byStatus.waiting) : 0,
        skipWait: counts && (!only || only === "waiting") ? counts.byStatus.waiting : 0,
      }
    : {
        cancel: ticked.filter((run) => run.status === "running" || run.status === "waiting").length,
        skipWait: ticked.filter((run) => run.status === "waiting").length,
      };

  const target = (): BulkTarget =>
    allMatching ? { kind: "matching", filters: apiFilters(filters), at: new Date(Date.now() + skewMs) } : { kind: "ids", ids: ticked.map((run) => run.id) };

  const page = ticked.length === 0 ? "none" : ticked.length === runs.length ? "all" : "some";
  const rows: RowSelection = {
    isSelected: selection.isSelected,
    toggle: selection.toggle,
    page: allMatching ? "all" : page,
    togglePage: () => selection.togglePage(ids),
  };

  const banner =
    allMatching || ticked.length > 0
      ? {
          selected: ticked.length,
          pageSelected: page === "all",
          allMatching,
          matching,
          reachable,
          target,
          onSelectMatching: selection.selectMatching,
          onClear: selection.clear,
        }
      : null;
  return { rows, banner };
}
