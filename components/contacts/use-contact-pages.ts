"use client";

import { useEffect, useState } from "react";
import { errorMessage, fetchJson } from "@/components/runs/fetch-json";
import { contactListSchema, type Contact } from "./contact-schemas";

type Pages = { query: string; contacts: Contact[]; cursor: string | null };
type Status = { query: string; loading: boolean; error: string | null };

const load = (query: string, cursor: string | null, signal?: AbortSignal) =>
  fetchJson(`/api/contacts?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, contactListSchema, { signal });

/** The contacts for a query: the first page when the query changes, later pages on "Load more". */
export function useContactPages(query: string) {
  const [pages, setPages] = useState<Pages | null>(null);
  const [first, setFirst] = useState<{ query: string; error: string | null } | null>(null);
  const [more, setMore] = useState<Status | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(query, null, controller.signal)
      .then((answer) => {
        setPages({ query, contacts: answer.contacts, cursor: answer.nextCursor });
        setFirst({ query, error: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFirst({ query, error: errorMessage(error) });
      });
    return () => controller.abort();
  }, [query]);

  const current = pages?.query === query ? pages : null;
  const moreState = more?.query === query ? more : null;

  const loadMore = async () => {
    if (!current?.cursor || moreState?.loading) return;
    setMore({ query, loading: true, error: null });
    try {
      const answer = await load(query, current.cursor);
      setPages({ query, contacts: [...current.contacts, ...answer.contacts], cursor: answer.nextCursor });
      setMore(null);
    } catch (error) {
      setMore({ query, loading: false, error: errorMessage(error) });
    }
  };

  return {
    /** null until the first page for this query arrives. */
    contacts: current?.contacts ?? null,
    error: first?.query === query ? first.error : null,
    hasMore: Boolean(current?.cursor),
    loadingMore: moreState?.loading ?? false,
    loadMoreError: moreState?.error ?? null,
    loadMore,
  };
}
