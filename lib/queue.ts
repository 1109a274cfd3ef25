import { log } from "./log.ts";
import { PgBoss, type ConstructorOptions, type Queue } from "pg-boss";
import { databaseUrl } from "./db.ts";

/** The job catalog's queue names; payload schemas and handlers live in jobs/catalog.ts. */
export const QUEUES = {
  /** Interactive lane: advances runs moved by a reply, an operator, a repair or a small start. */
  runStep: "run-step",
  /** Bulk lane: advances the runs of a campaign start, apart from the interactive lane. */
  runStepBulk: "run-step-bulk",
  /** Fires when a wait reaches its deadline; the job's id is the wait's id. */
  waitTimeout: "wait-timeout",
  /** Makes a webhook call stored in the outbox, outside any transaction. */
  webhookCall: "webhook-call",
  /** Sends an outbound message stored in the outbox (WhatsApp), outside any transaction. */
  messageSend: "message-send",
  /** Processes a delivery of Meta's webhook (replies, statuses), stored as received. */
  whatsappEvent: "whatsapp-event",
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
    { name: QUEUES.runStepBulk, ...common, notify: true },
    // Timers are delayed jobs, which only polling finds: no NOTIFY, short polling instead.
    { name: QUEUES.waitTimeout, ...common },
    // A call may take 30 s (the node's longest timeout) plus redirects: expire well after that.
    { name: QUEUES.webhookCall, ...common, notify: true, expireInSeconds: Math.max(envSeconds("JOB_EXPIRE_SECONDS", 30), 90) },
    // Sends are paced and retried later by new delayed jobs: polled like timers, NOTIFY for new ones.
    // Expiry: a send's timeout (15 s) plus its pacing, with room.
    { name: QUEUES.messageSend, ...common, notify: true, expireInSeconds: Math.max(envSeconds("JOB_EXPIRE_SECONDS", 30), 30) },
    { name: QUEUES.whatsappEvent, ...common, notify: true },
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
  boss.on("error", (error) => log.error({ err: error.message }, "pg-boss error"));
  return boss;
}

/**
 * Creates our queues, and brings existing ones to the options of this release (expiry, retries,
 * retention): pg-boss applies a queue's options only when it creates it, so a database made by
 * an older release would otherwise keep the old ones.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const { name, ...options } of queueDefinitions()) {
    const current = existing.get(name);
    // Another process may create it between our look and our create: that is fine.
    if (!current) await boss.createQueue(name, options).catch(() => undefined);
    else if (differs(current, options)) await boss.updateQueue(name, updatable(options));
  }
}

type Options = Omit<Queue, "name">;
const UPDATABLE = ["retryLimit", "retryDelay", "retryBackoff", "retryDelayMax", "expireInSeconds", "deleteAfterSeconds", "retentionSeconds"] as const;

const updatable = (options: Options) => Object.fromEntries(UPDATABLE.flatMap((key) => (options[key] === undefined ? [] : [[key, options[key]]])));
const differs = (current: Queue, wanted: Options) => UPDATABLE.some((key) => wanted[key] !== undefined && current[key] !== wanted[key]);

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
