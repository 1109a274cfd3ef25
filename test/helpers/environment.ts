import { afterAll, beforeAll } from "vitest";
import { db } from "../../lib/db.ts";
import { boss } from "../../lib/queue.ts";
import { closePool } from "../../lib/sql.ts";
import { createTestDatabase } from "./database.ts";
import { startWorkers, type Workers } from "./workers.ts";

export type TestEnvironment = { workers: Workers; databaseUrl: string };

/**
 * Gives the test file its own migrated database and `workers` real worker processes on it.
 * Env is applied to this process too (queue options are read when queues are created).
 */
export function setupTestEnvironment(options: { workers?: number; env?: Record<string, string> } = {}): TestEnvironment {
  const environment = {} as TestEnvironment;
  beforeAll(async () => {
    Object.assign(process.env, options.env);
    environment.databaseUrl = await createTestDatabase();
    await boss(); // creates pg-boss's schema and our queues before workers race to
    environment.workers = await startWorkers(options.workers ?? 1, options.env);
  });
  afterAll(async () => {
    await environment.workers?.stop();
    await (await boss()).stop({ graceful: false });
    await Promise.all([db().$disconnect(), closePool()]);
  });
  return environment;
}
