import { PUBLISHED_VERSIONS } from "./published.ts";
import { graphSchema, type Graph } from "../flow/graph.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export type AutomationView = {
  id: string;
  name: string;
  graph: Graph;
  publishedVersion: number | null;
  updatedAt: string;
};

type Row = {
  id: string;
  name: string;
  draftGraph: unknown;
  updatedAt: Date;
  versions: { version: number }[];
};

/** Select clause that brings the latest published version along with the automation. */
export const automationSelect = {
  id: true,
  name: true,
  draftGraph: true,
  updatedAt: true,
  versions: { where: PUBLISHED_VERSIONS, select: { version: true }, orderBy: { version: "desc" }, take: 1 },
} satisfies Prisma.AutomationSelect;

export function toAutomationView(row: Row): AutomationView {
  return {
    id: row.id,
    name: row.name,
    graph: graphSchema.parse(row.draftGraph),
    publishedVersion: row.versions[0]?.version ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
