"use client";

import { useCallback, useEffect, useState } from "react";
import { errorMessage, fetchJson } from "@/components/runs/fetch-json";
import { SETTINGS_URL, whatsappSettingsSchema, type WhatsappSettings } from "./whatsapp-settings-schemas";

type State = { settings: WhatsappSettings | null; error: string | null };

/** The WhatsApp channel's settings; `accept` puts a save's answer on screen, `reload` asks again. */
export function useWhatsappSettings() {
  const [state, setState] = useState<State>({ settings: null, error: null });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setState({ settings: await fetchJson(SETTINGS_URL, whatsappSettingsSchema, { signal }), error: null });
    } catch (error) {
      if (signal?.aborted) return;
      setState((previous) => ({ ...previous, error: errorMessage(error) }));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const accept = useCallback((settings: WhatsappSettings) => setState({ settings, error: null }), []);

  return { ...state, accept, reload: () => load() };
}
