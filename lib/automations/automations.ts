import { z } from "zod";
import { db } from "../db.ts";
import { AppError, notFound } from "../errors.ts";
import { emptyGraph, graphSchema, type Graph } from "../flow/graph.ts";
import { validateGraph } from "../flow/validate-graph.ts";
import { currentWorkspaceId } from "../auth/scope.ts";
import { checkReferences } from "./check-references.ts";
import { automationSelect, toAutomationView, type AutomationView } from "./automation-view.ts";

/** Prisma wants a JSON value; the graph schema already checked the shape, this proves the type. */
const asJson = (graph: unknown) => z.json().parse(graph) ?? {};

export const automationName = z.string().trim().min(1, "Name is required").max(120);
export const createAutomationInput = z.object({ name: automationName, graph: graphSchema.optional() });
export const updateAutomationInput = z.object({ name: automationName.optional(), graph: graphSchema });

export async function createAutomation(input: z.infer<typeof createAutomationInput>): Promise<AutomationView> {
  const row = await db().automation.create({
    data: { workspaceId: currentWorkspaceId(), name: input.name, draftGraph: asJson(input.graph ?? emptyGraph()) },
    select: automationSelect,
  });
  return toAutomationView(row);
}

export async function getAutomation(id: string): Promise<AutomationView> {
  const row = await db().automation.findFirst({
    where: { id, workspaceId: currentWorkspaceId() },
    select: automationSelect,
  });
  if (!row) throw notFound("Automation");
  return toAutomationView(row);
}

export async function updateAutomation(id: string, input: z.infer<typeof updateAutomationInput>): Promise<AutomationView> {
  const { count } = await db().automation.updateMany({
    where: { id, workspaceId: currentWorkspaceId() },
    data: { draftGraph: asJson(input.graph), ...(input.name ? { name: input.name } : {}) },
  });
  if (count === 0) throw notFound("Automation");
  return getAutomation(id);
}

/** Freezes the draft as the next immutable version, or explains what stops it. */
export async function publishAutomation(id: string): Promise<{ version: number }> {
  const automation = await getAutomation(id);
  const graph = await runnableGraph(id, automation.graph, "publishing");
  const version = (automation.publishedVersion ?? 0) + 1;
  try {
    await db().automationVersion.create({ data: { automationId: id, version, graph: asJson(graph) } });
  } catch (error) {
    // Two publishes at once: the unique (automationId, version) lets one win.
    if (isUniqueViolation(error)) throw new AppError("conflict", "Published concurrently; try again");
    throw error;
  }
  return { version };
}

/** The graph as a version can freeze it (publishing, or the simulator's test), or a 422 naming what to fix. */
export async function runnableGraph(automationId: string, graph: Graph, before: "publishing" | "testing"): Promise<Graph> {
  const result = validateGraph(graph);
  const issues = result.ok ? await checkReferences(automationId, result.graph) : result.issues;
  if (!result.ok || issues.length > 0) throw new AppError("invalid_graph", `The automation has problems to fix before ${before}`, issues);
  return result.graph;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
