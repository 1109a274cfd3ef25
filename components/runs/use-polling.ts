"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { listenLive, liveStatus, matches, onLiveStatus, type LiveFilter, type LiveNotice } from "@/components/live/live-events";
import { ApiError, errorMessage } from "./fetch-json";

export type PollingState<T> = {
  data: T | null;
  /** The last poll's error; data keeps the last good answer meanwhile. */
  error: string | null;
  /** The HTTP status of that error, when the server answered. */
  errorStatus: number | null;
  /** Client clock (ms) of the last successful answer. */
  updatedAt: number | null;
  /** True while polls are suspended because the tab is hidden. */
  paused: boolean;
  /** True once `done` held and the last look was taken: no more polls until refresh(). */
  stopped: boolean;
};

type Options<T> = {
  intervalMs: number;
  /** When an answer says nothing more will change (a finished run): one more look, then stop. */
  done?: (data: T) => boolean;
  /**
   * Reload when the server's change notices concern these (lib/live/notify.ts): while the stream
   * is open, `intervalMs` gives way to a slow backstop poll; if it fails, polling takes over.
   */
  live?: LiveFilters | ((data: T | null) => LiveFilters);
};

type LiveFilters = LiveFilter | readonly LiveFilter[];

/** The poll that still runs while the stream is open, in case a notice was lost on the way. */
const BACKSTOP_MS = 30_000;
/** Notices closer together than this share one reload. */
const MIN_GAP_MS = 150;

/**
 * Polls `load` every `intervalMs`, one request at a time, at once whenever `key` changes, and
 * not at all while the tab is hidden: it catches up as soon as the tab is visible again. With
 * `live`, it reloads on the server's notices instead and polls only as a backstop.
 */
export function usePolling<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: Options<T>) {
  const { intervalMs } = options;
  const [state, setState] = useState<PollingState<T>>({
    data: null,
    error: null,
    errorStatus: null,
    updatedAt: null,
    paused: false,
    stopped: false,
  });
  const refreshRef = useRef<() => void>(() => {});
  const onLoad = useEffectEvent((signal: AbortSignal) => load(signal));
  const isDone = useEffectEvent((data: T) => options.done?.(data) ?? false);
  const concerns = useEffectEvent((notice: LiveNotice) => {
    // A function of the last answer: a page that learns what to follow (a run's contact) from it.
    const live = typeof options.live === "function" ? options.live(state.data) : options.live;
    const filters = live ? ([] as LiveFilter[]).concat(live) : [];
    return filters.some((filter) => matches(notice, filter));
  });
  const listens = options.live !== undefined;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let unmounted = false;
    // Polls still owed after `done` first held: the last look catches writes that trail the finish.
    let lastLooks = 1;
    let stopped = false;
    let inFlight = false;
    let again = false;
    let startedAt = 0;

    const every = () => (listens && liveStatus() === "live" ? Math.max(intervalMs, BACKSTOP_MS) : intervalMs);
    const schedule = (ms = every()) => {
      clearTimeout(timer);
      if (!unmounted && !stopped && !document.hidden) timer = setTimeout(poll, ms);
    };

    // A notice reloads soon, but never starts a second request beside one in flight.
    const onNotice = (notice: LiveNotice) => {
      if (stopped || document.hidden || !concerns(notice)) return;
      if (inFlight) again = true;
      else schedule(Math.max(0, startedAt + MIN_GAP_MS - Date.now()));
    };

    async function poll() {
      clearTimeout(timer);
      controller?.abort();
      const current = new AbortController();
      controller = current;
      inFlight = true;
      again = false;
      startedAt = Date.now();
      try {
        const data = await onLoad(current.signal);
        if (current.signal.aborted) return;
        if (!isDone(data)) lastLooks = 1;
        else if (lastLooks-- <= 0) stopped = true;
        setState({ data, error: null, errorStatus: null, updatedAt: Date.now(), paused: false, stopped });
      } catch (error) {
        if (current.signal.aborted) return;
        const status = error instanceof ApiError ? error.status : null;
        // Asking again will not change a 4xx (a run that does not exist), except throttling.
        if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) stopped = true;
        setState((previous) => ({ ...previous, error: errorMessage(error), errorStatus: status, stopped }));
      } finally {
        if (controller === current) inFlight = false;
      }
      if (again) schedule(MIN_GAP_MS);
      else schedule();
    }

    const onVisibility = () => {
      setState((previous) => ({ ...previous, paused: document.hidden }));
      if (document.hidden) {
        clearTimeout(timer);
        controller?.abort();
      } else if (!stopped) {
        void poll();
      }
    };

    refreshRef.current = () => {
      stopped = false;
      lastLooks = 1;
      void poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    const unlisten = listens ? listenLive(onNotice) : () => {};
    // Stream up: the slow backstop; stream down: back to the short interval at once.
    const unwatch = listens ? onLiveStatus(() => (inFlight ? undefined : schedule())) : () => {};
    void poll();

    return () => {
      unmounted = true;
      unlisten();
      unwatch();
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [key, intervalMs, listens]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
