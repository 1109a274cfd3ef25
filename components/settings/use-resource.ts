"use client";

import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { requestJson } from "@/components/account/request-json";
import { errorMessage } from "@/components/runs/fetch-json";

type State<T> = { data: T | null; error: string | null; loadedAt: number | null };

/** One GET, parsed with `schema`, loaded on mount; `reload` asks again (the data stays until the answer). */
export function useResource<S extends z.ZodType>(url: string, schema: S) {
  const [state, setState] = useState<State<z.infer<S>>>({ data: null, error: null, loadedAt: null });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const data = await requestJson(url, schema, { signal });
        setState({ data, error: null, loadedAt: Date.now() });
      } catch (error) {
        if (signal?.aborted) return;
        setState((previous) => ({ ...previous, error: errorMessage(error) }));
      }
    },
    [url, schema],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return { ...state, reload: useCallback(() => load(), [load]) };
}
