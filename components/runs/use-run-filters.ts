"use client";

import { useUrlFilters } from "@/components/hooks/use-url-filters";

/**
 * The console's filters as the URL keeps them (links from the canvas use the same names):
 * `startedAfter` and `startedBefore` are days (YYYY-MM-DD) in the URL, instants in the API.
 */
export const filterKeys = ["automationId", "version", "nodeId", "status", "q", "startedAfter", "startedBefore"] as const;
export type RunFilters = Record<(typeof filterKeys)[number], string>;

/** Every filter cleared (for "Clear filters"). */
export const noFilters: RunFilters = { automationId: "", version: "", nodeId: "", status: "", q: "", startedAfter: "", startedBefore: "" };

/** The runs list filters, kept in the URL query string so a view can be shared and reloaded. */
export const useRunFilters = () => useUrlFilters(filterKeys);

/** The filters as the API takes them (the day range in the browser's time zone), without `status` for the counts. */
export function apiFilters(filters: RunFilters, { withStatus = true } = {}): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["automationId", "version", "nodeId", "q"] as const) if (filters[key]) query.set(key, filters[key]);
  if (withStatus && filters.status) query.set("status", filters.status);
  // The version and step belong to one automation: without it they would name nothing.
  if (!filters.automationId) query.delete("version");
  const after = dayStart(filters.startedAfter, 0);
  const before = dayStart(filters.startedBefore, 1);
  if (after) query.set("startedAfter", after);
  if (before) query.set("startedBefore", before);
  return query;
}

/** The API query of the list for these filters, e.g. `automationId=…&status=waiting&limit=50`. */
export function runsQuery(filters: RunFilters, limit: number): string {
  const query = apiFilters(filters);
  query.set("limit", String(limit));
  return query.toString();
}

/** Local midnight of `day` plus `plusDays`, as an ISO instant; null for an empty or malformed day. */
function dayStart(day: string, plusDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
