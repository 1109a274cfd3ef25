"use client";

import { z } from "zod";
import { editorResource, getJson } from "../editor-resource";

export type FieldKeys = { keys: string[]; known: ReadonlySet<string> };

/** The contact field keys some contact has (GET /api/contacts/field-keys), loaded once per editor. */
export const useFieldKeys = editorResource(async (): Promise<FieldKeys> => {
  const { keys } = await getJson("/api/contacts/field-keys", z.object({ keys: z.array(z.string()) }));
  return { keys, known: new Set(keys) };
});
