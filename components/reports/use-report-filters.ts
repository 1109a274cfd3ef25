"use client";

import { useUrlFilters } from "@/components/hooks/use-url-filters";

export const reportFilterKeys = ["version", "from", "to"] as const;
export type ReportFilters = Record<(typeof reportFilterKeys)[number], string>;

/** The report's version and period, kept in the URL so a report can be shared and reloaded. */
export function useReportFilters() {
  return useUrlFilters(reportFilterKeys);
}

/** `version=2&from=2026-01-01&to=2026-01-30`, the parts set only; the server fills the rest in. */
export function reportQueryString(filters: ReportFilters): string {
  const query = new URLSearchParams();
  for (const key of reportFilterKeys) if (filters[key]) query.set(key, filters[key]);
  return query.toString();
}
