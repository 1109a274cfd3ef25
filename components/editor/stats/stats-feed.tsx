"use client";

import { useEffect } from "react";
import { fetchJson } from "@/components/runs/fetch-json";
import { usePolling } from "@/components/runs/use-polling";
import { useEditor } from "../editor-store-context";
import { statsUrl } from "./runs-link";
import { automationStatsSchema } from "./stats-schema";
import { useStats, useStatsStoreApi } from "./stats-context";

const POLL_MS = 2000;

/** Loads the chosen version's numbers into the stats store while the overlay is on. */
export function StatsFeed() {
  const on = useStats((s) => s.on);
  return on ? <StatsPoller /> : null;
}

function StatsPoller() {
  const store = useStatsStoreApi();
  const automationId = useStats((s) => s.automationId);
  const chosenVersion = useStats((s) => s.chosenVersion);
  // Publishing starts a new version (and ends a 404): ask again at once.
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const url = statsUrl(automationId, chosenVersion);
  const { data, error, errorStatus, updatedAt, paused } = usePolling(
    `${url}#published=${publishedVersion ?? "none"}`,
    (signal) => fetchJson(url, automationStatsSchema, { signal }),
    // Every run that moves in this automation notifies: the counts follow within a moment.
    { intervalMs: POLL_MS, live: { topic: "runs", automationId } },
  );

  useEffect(() => {
    if (data) store.getState().receive(data, updatedAt);
  }, [store, data, updatedAt]);
  useEffect(() => {
    if (error === null) return;
    store.getState().fail(errorStatus === 404 ? { kind: "unpublished" } : { kind: "error", message: error });
  }, [store, error, errorStatus]);
  useEffect(() => {
    store.getState().setPaused(paused);
  }, [store, paused]);

  return null;
}
