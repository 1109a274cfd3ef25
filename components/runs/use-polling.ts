"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
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
};

/**
 * Polls `load` every `intervalMs`, one request at a time, at once whenever `key` changes, and
 * not at all while the tab is hidden: it catches up as soon as the tab is visible again.
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

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let unmounted = false;
    // Polls still owed after `done` first held: the last look catches writes that trail the finish.
    let lastLooks = 1;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!unmounted && !stopped && !document.hidden) timer = setTimeout(poll, intervalMs);
    };

    async function poll() {
      clearTimeout(timer);
      controller?.abort();
      const current = new AbortController();
      controller = current;
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
      }
      schedule();
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
    void poll();

    return () => {
      unmounted = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [key, intervalMs]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
