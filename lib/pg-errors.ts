import type pg from "pg";

/**
 * A connection dropped by the server (restart, failover) must not crash the process: pg emits
 * `error` on idle clients (the pool's) and on checked-out ones (each client's); both are logged,
 * the query in flight fails and is retried by its job, and the pool opens new connections.
 */
export function survivesRestarts(target: pg.Pool): pg.Pool {
  target.on("error", (error) => console.error("[db] idle connection error:", error.message));
  target.on("connect", (client) => client.on("error", (error) => console.error("[db] connection error:", error.message)));
  return target;
}
