"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createStatsStore, type StatsState, type StatsStore } from "./stats-store";

const StatsStoreContext = createContext<StatsStore | null>(null);

/** Outside an editor (a card rendered on its own) the overlay is simply off. */
const offStore = createStatsStore("");

/** One stats store per editor mount, beside the editor store. */
export function StatsStoreProvider({ automationId, children }: { automationId: string; children: ReactNode }) {
  const [store] = useState(() => createStatsStore(automationId));
  return <StatsStoreContext.Provider value={store}>{children}</StatsStoreContext.Provider>;
}

export function useStatsStoreApi(): StatsStore {
  return useContext(StatsStoreContext) ?? offStore;
}

export function useStats<T>(selector: (state: StatsState) => T): T {
  return useStore(useStatsStoreApi(), selector);
}
