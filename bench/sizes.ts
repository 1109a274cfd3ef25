import { envNumber } from "./helpers.ts";

/** How many of everything one bench run uses. Each can be overridden by its environment variable. */
export type Sizes = {
  full: boolean;
  /** (a) contacts of the one big startRuns call. */
  contacts: number;
  /** (b1) waits made due at the same instant (taken from (a)'s waits). */
  simultaneous: number;
  /** (b2) waits made due over 10 s. */
  timeouts: number;
  /** (c1) replies, paced at replyRate per second. */
  replies: number;
  replyRate: number;
  /** (c2) contacts of the bulk start that replies overlap, and for how long replies are sent. */
  loadContacts: number;
  loadSeconds: number;
  /** (d) pending waits seeded in the database. */
  pendingWaits: number;
  /** Yardstick: no-op jobs for the throughput run. */
  noopJobs: number;
};

/** The goals' sizes (`--full`); quick mode scales the big ones down by 10 (5 for c2's bulk start). */
export const FULL = { contacts: 100_000, loadContacts: 100_000, pendingWaits: 1_000_000 };

export function benchSizes(full: boolean): Sizes {
  const contacts = envNumber("BENCH_CONTACTS", full ? FULL.contacts : 10_000);
  return {
    full,
    contacts,
    simultaneous: Math.min(contacts, envNumber("BENCH_SIMULTANEOUS", 10_000)),
    timeouts: envNumber("BENCH_TIMEOUTS", 2_000),
    replies: envNumber("BENCH_REPLIES", 300),
    replyRate: envNumber("BENCH_REPLY_RATE", 50),
    loadContacts: envNumber("BENCH_LOAD_CONTACTS", full ? FULL.loadContacts : 20_000),
    loadSeconds: envNumber("BENCH_LOAD_SECONDS", 10),
    pendingWaits: envNumber("BENCH_PENDING_WAITS", full ? FULL.pendingWaits : 100_000),
    noopJobs: envNumber("BENCH_NOOP_JOBS", 10_000),
  };
}

/** Runs waiting on the "few waits" automation: (c1) replies, (b2) timeouts and (c2) replies. */
export const fewWaitsRuns = (sizes: Sizes) => sizes.replies + sizes.timeouts + sizes.replyRate * sizes.loadSeconds;
