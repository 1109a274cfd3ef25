"use client";

import { filtersQuery, useUrlFilters } from "@/components/hooks/use-url-filters";

export const filterKeys = ["automationId", "status", "phone"] as const;
export type RunFilters = Record<(typeof filterKeys)[number], string>;

/** The runs list filters, kept in the URL query string so a view can be shared and reloaded. */
export const useRunFilters = () => useUrlFilters(filterKeys);

/** The API query for these filters, e.g. `automationId=…&status=waiting&limit=50`. */
export const runsQuery = (filters: RunFilters, limit: number): string => filtersQuery(filterKeys, filters, limit);
