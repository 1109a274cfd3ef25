"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/runs/fetch-json";
import { contactApiUrl, contactDetailSchema, type Contact, type ContactDetail } from "./contact-schemas";

type State = { contact: ContactDetail | null; error: string | null; notFound: boolean };

/** One contact with its active runs; `accept` puts a mutation's answer on screen, `reload` asks again. */
export function useContact(phone: string) {
  const [state, setState] = useState<State>({ contact: null, error: null, notFound: false });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const contact = await fetchJson(contactApiUrl(phone), contactDetailSchema, { signal });
        setState({ contact, error: null, notFound: false });
      } catch (error) {
        if (signal?.aborted) return;
        const notFound = error instanceof ApiError && error.status === 404;
        setState((previous) => ({ ...previous, error: errorMessage(error), notFound }));
      }
    },
    [phone],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  /** The PATCH answer has no runs: keep the ones on screen. */
  const accept = useCallback(
    (contact: Contact) => setState((previous) => ({ ...previous, contact: { ...contact, runs: previous.contact?.runs ?? [] } })),
    [],
  );

  return { ...state, accept, reload: () => void load() };
}
