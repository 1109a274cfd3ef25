"use client";

import { useEffect, useState } from "react";
import { fetchJson } from "../fetch-json";
import { versionStepsSchema, type VersionOption } from "./console-schemas";

/** The chosen automation's published versions with their steps, for the Version and Step filters. */
export function useVersions(automationId: string): VersionOption[] {
  const [loaded, setLoaded] = useState<{ automationId: string; versions: VersionOption[] } | null>(null);
  useEffect(() => {
    if (!automationId) return;
    const controller = new AbortController();
    fetchJson(`/api/runs/versions?automationId=${encodeURIComponent(automationId)}`, versionStepsSchema, { signal: controller.signal })
      .then((answer) => setLoaded({ automationId, versions: answer.versions }))
      .catch(() => {});
    return () => controller.abort();
  }, [automationId]);
  return loaded?.automationId === automationId ? loaded.versions : [];
}
