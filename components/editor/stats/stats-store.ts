import { createStore } from "zustand/vanilla";
import type { AutomationStats } from "./stats-schema";
import { shareUnchanged } from "./share-unchanged";

/** Why the overlay has no numbers: no published version (the API's 404), or a failed load. */
export type StatsProblem = { kind: "unpublished" } | { kind: "error"; message: string };

export type StatsState = {
  automationId: string;
  on: boolean;
  /** The version picked in the select; null follows the latest published one. */
  chosenVersion: number | null;
  stats: AutomationStats | null;
  problem: StatsProblem | null;
  /** Client clock (ms) of the last answer, for the "updated 2s ago" line. */
  updatedAt: number | null;
  paused: boolean;

  toggle: () => void;
  chooseVersion: (version: number | null) => void;
  receive: (stats: AutomationStats, updatedAt: number | null) => void;
  fail: (problem: StatsProblem) => void;
  setPaused: (paused: boolean) => void;
};

export type StatsStore = ReturnType<typeof createStatsStore>;

/**
 * The canvas overlay's numbers, in a store of their own: they change with every poll, and a
 * node card subscribes here to its own entry only, so neither a poll nor a toggle touches the
 * editor store (the draft, its revision, its undo) or re-renders a card whose numbers held.
 */
export function createStatsStore(automationId: string) {
  return createStore<StatsState>()((set, get) => ({
    automationId,
    on: false,
    chosenVersion: null,
    stats: null,
    problem: null,
    updatedAt: null,
    paused: false,

    // Off forgets the numbers: turned on again later, stale counts never flash up.
    toggle: () => set(get().on ? { on: false, stats: null, problem: null, updatedAt: null } : { on: true }),
    // Another version's numbers must not stand in while the chosen one loads.
    chooseVersion: (chosenVersion) => set({ chosenVersion, stats: null, problem: null, updatedAt: null }),
    receive: (next, updatedAt) => {
      const previous = get().stats;
      const sameVersion = previous?.version === next.version;
      set({
        stats: {
          ...next,
          nodes: shareUnchanged(sameVersion ? previous.nodes : undefined, next.nodes),
          waits: shareUnchanged(sameVersion ? previous.waits : undefined, next.waits),
        },
        problem: null,
        updatedAt,
      });
    },
    fail: (problem) => set(problem.kind === "unpublished" ? { problem, stats: null } : { problem }),
    setPaused: (paused) => set({ paused }),
  }));
}

/** The version the numbers on screen belong to, when there are any. */
export const selectShownVersion = (s: StatsState) => (s.on ? (s.stats?.version ?? null) : null);
