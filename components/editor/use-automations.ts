"use client";

import { useMemo } from "react";
import { z } from "zod";
import { editorResource, getJson, type Resource } from "./editor-resource";
import { useEditor } from "./editor-store-context";

const listSchema = z.object({
  automations: z.array(
    z.object({ id: z.string(), name: z.string(), publishedVersion: z.number().int().nullable().optional() }),
  ),
});

export type AutomationOption = { id: string; name: string; published: boolean };

/** The workspace's automations (the first 200, most recently edited first), loaded once per editor. */
export const useAutomations = editorResource(async (): Promise<AutomationOption[]> => {
  const { automations } = await getJson("/api/automations?limit=200", listSchema);
  return automations.map(({ id, name, publishedVersion }) => ({ id, name, published: publishedVersion != null }));
});

/** Every automation but the one being edited. */
export function useOtherAutomations(): Resource<AutomationOption[]> {
  const automations = useAutomations();
  const self = useEditor((s) => s.automationId);
  return useMemo(
    () =>
      automations.status === "ready"
        ? { status: "ready", value: automations.value.filter((automation) => automation.id !== self) }
        : automations,
    [automations, self],
  );
}

/** An automation's name, once the list has loaded and if it is in it. */
export function useAutomationName(id: string): string | undefined {
  const automations = useAutomations();
  return automations.status === "ready" ? automations.value.find((automation) => automation.id === id)?.name : undefined;
}
