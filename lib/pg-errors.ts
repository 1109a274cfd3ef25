import type pg from "pg";
import { log } from "./log.ts";

/**
 * A connection dropped by the server (restart, failover) must not crash the process: pg emits
 * `error` on idle clients (the pool's) and on checked-out ones (each client's); both are logged,
 * the query in flight fails and is retried by its job, and the pool opens new connections.
 */
export function survivesRestarts(target: pg.Pool): pg.Pool {
  target.on("error", (error) => log.warn({ err: error.message }, "idle database connection dropped"));
  target.on("connect", (client) => client.on("error", (error) => log.warn({ err: error.message }, "database connection dropped")));
  return target;
}
