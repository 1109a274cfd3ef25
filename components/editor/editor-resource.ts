"use client";

import { useSyncExternalStore } from "react";
import type { z } from "zod";
import type { EditorStore } from "./editor-store";
import { useEditorStoreApi } from "./editor-store-context";

export type Resource<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error" };

const LOADING: Resource<never> = { status: "loading" };

/**
 * A hook for data the editor loads once per mount (the automations list, the contact field keys)
 * and many components read: one request however many nodes and inspectors ask, fetched on first
 * use and kept for as long as that editor's store lives (a new editor mount loads it afresh).
 */
export function editorResource<T>(load: () => Promise<T>): () => Resource<T> {
  const entries = new WeakMap<EditorStore, Entry<T>>();
  const entryFor = (store: EditorStore) => {
    let entry = entries.get(store);
    if (!entry) {
      entry = new Entry(load);
      entries.set(store, entry);
    }
    return entry;
  };
  return function useResource() {
    const entry = entryFor(useEditorStoreApi());
    return useSyncExternalStore(entry.subscribe, entry.snapshot, serverSnapshot);
  };
}

const serverSnapshot = () => LOADING;

class Entry<T> {
  private state: Resource<T> = LOADING;
  private started = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<T>) {}

  // Subscribing happens after mount, in the browser only: the server never fetches.
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.start();
    return () => {
      this.listeners.delete(listener);
    };
  };

  snapshot = () => this.state;

  private start() {
    if (this.started) return;
    this.started = true;
    this.load().then(
      (value) => this.set({ status: "ready", value }),
      () => this.set({ status: "error" }),
    );
  }

  private set(state: Resource<T>) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** GETs JSON and parses it; anything but a 2xx answer is an error. */
export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${url} failed (${response.status})`);
  return schema.parse(await response.json());
}
