import type { z } from "zod";
import type { HandleId, NodeType } from "./graph.ts";
import { isRecord } from "./is-record.ts";

export type OutputHandle = {
  id: HandleId;
  label: string;
  /** Publishing fails while a required handle has no edge; an unconnected optional one ends the run. */
  required: boolean;
};

/** Where a type sits in the palette. */
export const paletteCategories = ["Messages", "Logic", "Contact", "Flow", "Integrations"] as const;
export type PaletteCategory = (typeof paletteCategories)[number];

/** The isomorphic half of a node type: what the editor and the server both need to know. */
export type NodeDefinition<Config extends z.ZodType = z.ZodType, T extends NodeType = NodeType> = {
  type: T;
  label: string;
  description: string;
  category: PaletteCategory;
  config: Config;
  defaults: z.input<Config>;
  /** Fixed outputs, after the data-defined ones (routes, cases). */
  outputs: readonly OutputHandle[];
  /**
   * Outputs named by the node's own data (Customer Response routes, Branch cases), read leniently
   * from a draft that may be incomplete. They come before the fixed outputs.
   */
  dataOutputs?: (data: Record<string, unknown>) => OutputHandle[];
  /** False for the trigger: nothing may lead into the start. */
  acceptsInput: boolean;
  /** True when entering it may park the run (a wait, a delay): loops through it are fine. */
  waits?: boolean;
};

export const defineNode = <Config extends z.ZodType, const T extends NodeType>(definition: NodeDefinition<Config, T>) => definition;

/** Reads `[{id, label?}]` from a draft's list, skipping entries without a usable id. */
export function listedOutputs(value: unknown, label: (entry: Record<string, unknown>, id: string) => string): OutputHandle[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value.flatMap((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.id !== "string") return [];
    const id = entry.id.trim();
    if (id === "" || seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: label(entry, id), required: true }];
  });
}
