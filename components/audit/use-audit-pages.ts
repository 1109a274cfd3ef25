"use client";

import { useCallback, useEffect, useState } from "react";
import { requestJson } from "@/components/account/request-json";
import { AUDIT_URL, auditPageSchema, type AuditEvent } from "./audit-schemas";

const PAGE_SIZE = 50;

type State = {
  events: AuditEvent[];
  nextCursor: string | null;
  /** Nothing loaded yet. */
  loading: boolean;
  loadingMore: boolean;
  /** The first page's failure (a RequestError carries the status: 403 for a non-admin). */
  error: unknown;
  moreError: unknown;
};

const load = (cursor: string | null, signal?: AbortSignal) =>
  requestJson(`${AUDIT_URL}?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, auditPageSchema, { signal });

/** The audit log, newest first: the first page on mount, older ones with `loadMore`. */
export function useAuditPages() {
  const [state, setState] = useState<State>({ events: [], nextCursor: null, loading: true, loadingMore: false, error: null, moreError: null });

  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal).then(
      (page) => setState((previous) => ({ ...previous, events: page.events, nextCursor: page.nextCursor, loading: false })),
      (error: unknown) => !controller.signal.aborted && setState((previous) => ({ ...previous, loading: false, error })),
    );
    return () => controller.abort();
  }, []);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, moreError: null }));
    try {
      const page = await load(cursor);
      setState((previous) => ({ ...previous, events: [...previous.events, ...page.events], nextCursor: page.nextCursor, loadingMore: false }));
    } catch (error) {
      setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
    }
  }, [state.nextCursor, state.loadingMore]);

  return { ...state, loadMore };
}
