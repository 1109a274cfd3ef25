"use client";

import { filtersQuery, useUrlFilters } from "@/components/hooks/use-url-filters";

const contactFilterKeys = ["search", "tag"] as const;
export type ContactFilters = Record<(typeof contactFilterKeys)[number], string>;

/** The contacts list's search and tag, kept in the URL so a view can be shared and reloaded. */
export const useContactFilters = () => useUrlFilters(contactFilterKeys);

/** The API query for these filters, e.g. `search=ada&tag=vip&limit=50`. */
export const contactsQuery = (filters: ContactFilters, limit: number): string => filtersQuery(contactFilterKeys, filters, limit);
