"use client";

import { useEffect, useState } from "react";
import { requestJson } from "./request-json";
import { ME_URL, meSchema, type Me } from "./me-schema";

let pending: Promise<Me> | null = null;

/**
 * `GET /api/me`, asked once per page load and shared by the header, the nav and the pages (a
 * sign-in, a sign-out or a workspace switch loads the page afresh). A failure is not kept.
 */
export function loadMe(): Promise<Me> {
  pending ??= requestJson(ME_URL, meSchema).catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

type State = { me: Me | null; error: unknown; loading: boolean };

/** The signed-in actor; `error` is the RequestError when there is none (401) or it failed. */
export function useMe(enabled = true): State {
  const [state, setState] = useState<State>({ me: null, error: null, loading: enabled });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadMe().then(
      (me) => live && setState({ me, error: null, loading: false }),
      (error: unknown) => live && setState({ me: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [enabled]);

  return state;
}

export const canDo = (me: Me | null, permission: string) => me?.permissions.includes(permission) ?? false;
