"use client";

import type { LiveEvent, LiveTopic } from "@/lib/live/notify";

/** What a page hears: a change (ids only) or `resync`, "reload everything you show". */
export type LiveNotice = { kind: "change"; event: Omit<LiveEvent, "workspaceId"> } | { kind: "resync" };
/** `live`: the stream is open; `connecting`: not yet (or reconnecting); `polling`: it failed, pages poll. */
export type LiveStatus = "connecting" | "live" | "polling";

/** A page's interest: a topic, optionally narrowed to an automation's runs or to some ids. */
export type LiveFilter = { topic: LiveTopic; automationId?: string; ids?: readonly string[] };

const URL_PATH = "/api/events";
/** Errors in a row (no open between them) before pages fall back to polling. */
const FAILURES_BEFORE_POLLING = 2;
/** After the browser gave up (an HTTP error), we try again this often. */
const REOPEN_MS = [2000, 5000, 15_000, 30_000];
/** Closing the stream waits this long after the last listener left: page changes reuse it. */
const LINGER_MS = 5000;

let source: EventSource | null = null;
let status: LiveStatus = "connecting";
let failures = 0;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let lingerTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(notice: LiveNotice) => void>();
const statusListeners = new Set<() => void>();

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const fn of statusListeners) fn();
}

function broadcast(notice: LiveNotice) {
  for (const fn of listeners) fn(notice);
}

/** One EventSource per tab, however many components listen. */
function open() {
  clearTimeout(reopenTimer);
  if (source || typeof EventSource === "undefined") return;
  const es = new EventSource(URL_PATH);
  source = es;
  es.onopen = () => {
    failures = 0;
    setStatus("live");
    // Whatever happened while the stream was down (or before it first opened) was not heard.
    broadcast({ kind: "resync" });
  };
  es.addEventListener("change", (message) => {
    try {
      broadcast({ kind: "change", event: JSON.parse((message as MessageEvent<string>).data) });
    } catch {
      // A malformed notice is dropped; the slow backstop poll still catches up.
    }
  });
  es.addEventListener("resync", () => broadcast({ kind: "resync" }));
  es.onerror = () => {
    failures += 1;
    if (failures >= FAILURES_BEFORE_POLLING) setStatus("polling");
    // CONNECTING: the browser retries by itself. CLOSED (an HTTP error): we retry, slower.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      source = null;
      setStatus("polling");
      reopenTimer = setTimeout(open, REOPEN_MS[Math.min(failures - 1, REOPEN_MS.length - 1)]);
    }
  };
}

function close() {
  clearTimeout(reopenTimer);
  source?.close();
  source = null;
  failures = 0;
  setStatus("connecting");
}

/** Listens to the tab's stream (opening it on first use); returns the unsubscribe. */
export function listenLive(fn: (notice: LiveNotice) => void): () => void {
  clearTimeout(lingerTimer);
  listeners.add(fn);
  open();
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0) lingerTimer = setTimeout(close, LINGER_MS);
  };
}

export const liveStatus = (): LiveStatus => status;

export function onLiveStatus(fn: () => void): () => void {
  statusListeners.add(fn);
  return () => statusListeners.delete(fn);
}

/** Whether a notice concerns what a page shows under `filter`. */
export function matches(notice: LiveNotice, filter: LiveFilter): boolean {
  if (notice.kind === "resync") return true;
  const { event } = notice;
  if (event.topic !== filter.topic) return false;
  if (filter.automationId && event.automationIds && !event.automationIds.includes(filter.automationId) && !event.more) return false;
  if (filter.ids && event.ids && !event.more && !event.ids.some((id) => filter.ids?.includes(id))) return false;
  return true;
}
