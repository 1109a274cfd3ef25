import { PgBoss, type ConstructorOptions, type Queue } from "pg-boss";
import { databaseUrl } from "./db.ts";

/** The job catalog's queue names; payload schemas and handlers live in jobs/catalog.ts. */
export const QUEUES = {
  /** Executes a run's steps until it waits or finishes. */
  runStep: "run-step",
  /** Fires when a Customer Response wait reaches its timeout. */
  waitTimeout: "wait-timeout",
} as const;

export const RETRY_LIMIT = 8;

const envSeconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export function queueDefinitions(): Queue[] {
  const common = {
    retryLimit: RETRY_LIMIT,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    // A step takes milliseconds; a job active for longer means its worker died: hand it to another.
    expireInSeconds: envSeconds("JOB_EXPIRE_SECONDS", 30),
    deleteAfterSeconds: 24 * 3600,
  };
  return [
    // NOTIFY wakes a worker as soon as a step is enqueued (a reply must move the run at once).
    { name: QUEUES.runStep, ...common, notify: true },
    // Timers are delayed jobs, which only polling finds: no NOTIFY, short polling instead.
    { name: QUEUES.waitTimeout, ...common },
  ];
}

export function createBoss(options: Partial<ConstructorOptions> = {}): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    max: Number(process.env.QUEUE_POOL_SIZE ?? 10),
    useListenNotify: true,
    // Expired jobs (a dead worker's) are found by the monitor pass: keep it frequent.
    superviseIntervalSeconds: envSeconds("SUPERVISE_INTERVAL_SECONDS", 10),
    monitorIntervalSeconds: envSeconds("SUPERVISE_INTERVAL_SECONDS", 10),
    ...options,
  });
  boss.on("error", (error) => console.error("[pg-boss]", error));
  return boss;
}

export async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const queue of queueDefinitions()) {
    // Another process may create it between our look and our create: that is fine.
    if (!existing.has(queue.name)) await boss.createQueue(queue.name, queue).catch(() => undefined);
  }
}

// The web process only enqueues; one started instance per process, kept across dev reloads.
const globalForQueue = globalThis as unknown as { replyflowBoss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
  globalForQueue.replyflowBoss ??= (async () => {
    const instance = createBoss({ supervise: false, schedule: false, useListenNotify: false });
    await instance.start();
    await ensureQueues(instance);
    return instance;
  })().catch((error: unknown) => {
    globalForQueue.replyflowBoss = undefined;
    throw error;
  });
  return globalForQueue.replyflowBoss;
}

/** A worker process registers its own started instance so the engine enqueues through it. */
export function registerBoss(instance: PgBoss): void {
  globalForQueue.replyflowBoss = Promise.resolve(instance);
}
