import { z } from "zod";
import { Prisma } from "../generated/prisma/client.ts";

export const runStatuses = ["running", "waiting", "completed", "failed", "cancelled"] as const;
export type RunStatusName = (typeof runStatuses)[number];

/** Statuses of a run that is somewhere in its automation now (the partial indexes say the same). */
export const activeStatuses = ["running", "waiting"] as const satisfies readonly RunStatusName[];

/** A whole number from a query string ("3") or a JSON body (3). */
const wholeNumber = z.union([z.number(), z.string().trim().regex(/^\d{1,9}$/, "Must be a whole number").transform(Number)]).pipe(z.number().int().min(1));

/** An instant: ISO date-time with offset, or a plain date (midnight UTC). */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text));

/**
 * The filters the runs list, its counts and the bulk actions share (one vocabulary, one SQL).
 * Spread into each schema, then checked with `checkRunFilters`: zod cannot extend a refined object.
 */
export const runFilterShape = {
  automationId: z.string().trim().min(1).max(100).optional(),
  /** A published version of `automationId` (its number). */
  version: wholeNumber.optional(),
  /** The step the run is at now: only running or waiting runs are at a step. */
  nodeId: z.string().trim().min(1).max(100).optional(),
  status: z.enum(runStatuses).optional(),
  /** Part of the contact's phone or name, any case; text to find, never a pattern. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Part of the contact's phone (the first slice's filter, kept for its clients). */
  phone: z.string().trim().min(1).max(20).optional(),
  startedAfter: instant.optional(),
  startedBefore: instant.optional(),
};

export type RunFilters = {
  automationId?: string;
  version?: number;
  nodeId?: string;
  status?: RunStatusName;
  q?: string;
  phone?: string;
  startedAfter?: Date;
  startedBefore?: Date;
};

/** The cross-field rules, for `.superRefine` on every schema built from runFilterShape. */
export function checkRunFilters(filters: RunFilters, ctx: z.RefinementCtx) {
  if (filters.version !== undefined && !filters.automationId) {
    ctx.addIssue({ code: "custom", path: ["version"], message: "A version needs its automationId" });
  }
  if (filters.startedAfter && filters.startedBefore && filters.startedAfter > filters.startedBefore) {
    ctx.addIssue({ code: "custom", path: ["startedBefore"], message: "startedBefore must not be earlier than startedAfter" });
  }
}

/**
 * The SQL conditions (on `"Run" r`) for these filters in one workspace, always without simulator
 * runs. Each one is a plain comparison on an indexed column, so the planner can pick the index of
 * the most selective one; the search is a `LIKE` of escaped text inside the contacts subquery
 * (never a regular expression, so hostile text costs what any text does).
 */
export function runFilterConditions(workspaceId: string, filters: RunFilters): Prisma.Sql[] {
  const conditions = [Prisma.sql`r."workspaceId" = ${workspaceId}`, Prisma.sql`NOT r.test`];
  if (filters.automationId) conditions.push(Prisma.sql`r."automationId" = ${filters.automationId}`);
  if (filters.automationId && filters.version !== undefined) {
    // A scalar subquery is computed once, then compared like a constant: the versionId indexes apply.
    conditions.push(Prisma.sql`r."versionId" = (SELECT v.id FROM "AutomationVersion" v WHERE v."automationId" = ${filters.automationId} AND v.version = ${filters.version})`);
  }
  if (filters.nodeId) {
    conditions.push(Prisma.sql`r."currentNodeId" = ${filters.nodeId}`, Prisma.sql`r.status IN ('running', 'waiting')`);
  }
  if (filters.status) conditions.push(Prisma.sql`r.status = ${filters.status}::"RunStatus"`);
  if (filters.q) conditions.push(contactMatch(workspaceId, searchCondition(filters.q)));
  if (filters.phone) conditions.push(contactMatch(workspaceId, Prisma.sql`c.phone LIKE ${`%${escapeLike(filters.phone)}%`}`));
  if (filters.startedAfter) conditions.push(Prisma.sql`r."createdAt" >= ${filters.startedAfter.toISOString()}::timestamptz`);
  if (filters.startedBefore) conditions.push(Prisma.sql`r."createdAt" < ${filters.startedBefore.toISOString()}::timestamptz`);
  return conditions;
}

/** `WHERE a AND b ...` of runFilterConditions plus any `extra` conditions. */
export const runFilterWhere = (workspaceId: string, filters: RunFilters, extra: Prisma.Sql[] = []): Prisma.Sql =>
  Prisma.sql`WHERE ${Prisma.join([...runFilterConditions(workspaceId, filters), ...extra], " AND ")}`;

const contactMatch = (workspaceId: string, condition: Prisma.Sql) =>
  Prisma.sql`r."contactId" IN (SELECT c.id FROM "Contact" c WHERE c."workspaceId" = ${workspaceId} AND ${condition})`;

/**
 * Phone or name, ignoring case. A phone is stored as E.164, so for the phone the typed spaces,
 * dashes, dots and brackets are dropped ("+39 333-12" finds +3933312...).
 */
function searchCondition(q: string): Prisma.Sql {
  const name = `%${escapeLike(q)}%`;
  const digits = q.replace(/[\s().-]/g, "");
  if (digits === "" || !/^\+?\d+$/.test(digits)) return Prisma.sql`c.name ILIKE ${name}`;
  return Prisma.sql`(c.phone LIKE ${`%${escapeLike(digits)}%`} OR c.name ILIKE ${name})`;
}

/** Typed text is text to find, not a pattern: `%`, `_` and `\` match themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
