import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "./permissions.ts";

/** Who is acting: a signed-in user, an API key, or the system (bootstrap, workers). */
export type Actor = { type: "user"; id: string; label: string } | { type: "apiKey"; id: string; label: string } | { type: "system"; id: null; label: string };

/** What one request may see and do: one workspace, one role. */
export type Access = { workspaceId: string; role: Role; actor: Actor };

const storage = new AsyncLocalStorage<Access>();

/**
 * Runs fn with the request's access in scope. The route wrapper is the one caller in the app:
 * every query below reads the workspace from here, so no route can forget or choose it.
 */
export const withAccess = <T>(access: Access, fn: () => Promise<T>): Promise<T> => storage.run(access, fn);

/** The request's access; throws outside one (a query that would otherwise see every workspace). */
export function currentAccess(): Access {
  const access = storage.getStore();
  if (!access) throw new Error("No workspace in scope: this query runs only inside an authorised request");
  return access;
}

export const currentWorkspaceId = () => currentAccess().workspaceId;

/**
 * For engine entry points reached both from requests and from workers: the request's workspace
 * when there is one (a guard), else null (a worker acting on records that carry their own).
 */
export const scopedWorkspaceId = (): string | null => storage.getStore()?.workspaceId ?? null;

/** The system acting in a workspace (seed data, tests): admin rights, no person behind it. */
export const systemAccess = (workspaceId: string, label = "system"): Access => ({ workspaceId, role: "admin", actor: { type: "system", id: null, label } });

/** A function that runs in the given workspace's scope (seed scripts and tests call lib directly). */
export const inWorkspace =
  <A extends unknown[], R>(workspaceId: string, fn: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> =>
    withAccess(systemAccess(workspaceId), () => fn(...args));
