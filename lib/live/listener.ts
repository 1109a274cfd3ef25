import pg from "pg";
import { databaseUrl } from "../db.ts";
import { errorText, log } from "../log.ts";
import { LIVE_CHANNEL, type LiveEvent } from "./notify.ts";

/** A change notice, or `resync`: notices may have been missed (the connection dropped), reload all. */
export type LiveMessage = { kind: "change"; event: LiveEvent } | { kind: "resync" };
type Subscriber = (message: LiveMessage) => void;

const RECONNECT_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * One LISTEN connection per web server process, fanned out to every open event stream of it: a
 * thousand open tabs cost Postgres one connection, not a thousand. It reconnects by itself, and
 * tells its subscribers to resync after a drop, since NOTIFYs sent meanwhile are gone.
 */
class LiveListener {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private connecting = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn);
    if (!this.client && !this.connecting) void this.connect();
    return () => {
      this.subscribers.delete(fn);
      if (this.subscribers.size === 0) this.close();
    };
  }

  private async connect() {
    clearTimeout(this.timer);
    this.connecting = true;
    const client = new pg.Client({ connectionString: databaseUrl(), application_name: "replyflow-live" });
    client.on("notification", (notice) => this.receive(notice.payload));
    client.on("error", (error) => this.drop(client, error));
    client.on("end", () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.subscribers.size === 0) {
        this.connecting = false;
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.connecting = false;
      this.failures = 0;
      // Anything may have changed while no connection listened (on the first connect too: the
      // streams that waited for it would otherwise miss what happened meanwhile).
      this.emit({ kind: "resync" });
    } catch (error) {
      this.connecting = false;
      await client.end().catch(() => undefined);
      this.retry(error);
    }
  }

  private drop(client: pg.Client, error?: unknown) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("notification");
    void client.end().catch(() => undefined);
    this.retry(error ?? new Error("connection ended"));
  }

  private retry(error: unknown) {
    if (this.subscribers.size === 0) return;
    const delay = RECONNECT_MS[Math.min(this.failures, RECONNECT_MS.length - 1)];
    this.failures += 1;
    log.warn({ err: errorText(error), retryInMs: delay }, "live listener lost its connection");
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private receive(payload: string | undefined) {
    if (!payload) return;
    try {
      this.emit({ kind: "change", event: JSON.parse(payload) as LiveEvent });
    } catch {
      // Our own notices are JSON; anything else on the channel is ignored.
    }
  }

  private emit(message: LiveMessage) {
    for (const fn of this.subscribers) fn(message);
  }

  private close() {
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.failures = 0;
    if (client) void client.end().catch(() => undefined);
  }
}

const globalForLive = globalThis as unknown as { replyflowLive?: LiveListener };

/** The process's listener (on globalThis, so Next's module copies share one connection). */
export const liveListener = (): LiveListener => (globalForLive.replyflowLive ??= new LiveListener());
