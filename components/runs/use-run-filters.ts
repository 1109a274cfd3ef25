"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type RunFilters = { automationId: string; status: string; phone: string };
export const filterKeys = ["automationId", "status", "phone"] as const satisfies readonly (keyof RunFilters)[];

/** The runs list filters, kept in the URL query string so a view can be shared and reloaded. */
export function useRunFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters: RunFilters = {
    automationId: searchParams.get("automationId") ?? "",
    status: searchParams.get("status") ?? "",
    phone: searchParams.get("phone") ?? "",
  };

  const setFilters = useCallback(
    (changes: Partial<RunFilters>) => {
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

  const active = filterKeys.some((name) => filters[name] !== "");
  return { filters, setFilters, active };
}

/** The API query for these filters, e.g. `automationId=…&status=waiting&limit=50`. */
export function runsQuery(filters: RunFilters, limit: number): string {
  const query = new URLSearchParams();
  for (const name of filterKeys) if (filters[name]) query.set(name, filters[name]);
  query.set("limit", String(limit));
  return query.toString();
}
