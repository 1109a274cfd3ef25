"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ContactFilters = { search: string; tag: string };

/** The contacts list's search and tag, kept in the URL so a view can be shared and reloaded. */
export function useContactFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: ContactFilters = { search: searchParams.get("search") ?? "", tag: searchParams.get("tag") ?? "" };

  const setFilters = useCallback(
    (changes: Partial<ContactFilters>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(changes)) {
        const trimmed = value?.trim();
        if (trimmed) next.set(name, trimmed);
        else next.delete(name);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname],
  );

  return { filters, setFilters, active: filters.search !== "" || filters.tag !== "" };
}

/** The API query for these filters, e.g. `search=ada&tag=vip&limit=50`. */
export function contactsQuery(filters: ContactFilters, limit: number): string {
  const query = new URLSearchParams();
  if (filters.search) query.set("search", filters.search);
  if (filters.tag) query.set("tag", filters.tag);
  query.set("limit", String(limit));
  return query.toString();
}
