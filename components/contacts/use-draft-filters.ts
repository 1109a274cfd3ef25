"use client";

import { useEffect, useState } from "react";
import type { ContactFilters } from "./use-contact-filters";
import { useDebounced } from "./use-debounced";

/**
 * What the filter boxes show, sent to the URL (and so to the list) 300 ms after the last change.
 * Starts from the URL; later URL changes come from here, so the boxes never fight the typist.
 */
export function useDraftFilters(filters: ContactFilters, setFilters: (changes: Partial<ContactFilters>) => void) {
  const [draft, setDraft] = useState(filters);
  const settled = useDebounced(draft, 300);

  useEffect(() => {
    const changes: Partial<ContactFilters> = {};
    if (settled.search.trim() !== filters.search) changes.search = settled.search;
    if (settled.tag.trim() !== filters.tag) changes.tag = settled.tag;
    if (Object.keys(changes).length > 0) setFilters(changes);
    // Only the settled text drives the URL; a URL change alone must not send it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  return { draft, setDraft };
}
