"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * A list's text filters, kept in the URL query string so a view can be shared and reloaded.
 * `keys` names them; an empty value is left out of the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ""])) as Record<K, string>;

  const setFilters = useCallback(
    (changes: Partial<Record<K, string>>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries<string | undefined>(changes)) {
        const trimmed = value?.trim();
        if (trimmed) next.set(name, trimmed);
        else next.delete(name);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname],
  );

  return { filters, setFilters, active: keys.some((key) => filters[key] !== "") };
}

/** The API query for these filters and a page size, e.g. `status=waiting&limit=50`. */
export function filtersQuery<K extends string>(keys: readonly K[], filters: Record<K, string>, limit: number): string {
  const query = new URLSearchParams();
  for (const key of keys) if (filters[key]) query.set(key, filters[key]);
  query.set("limit", String(limit));
  return query.toString();
}
