import { toast } from "sonner";
import { ApiError, publishAutomation, saveAutomation } from "./automation-api";
import type { EditorStore } from "./editor-store";
import { toGraph } from "./flow-graph";

/** PUTs the draft. Changes made while the request is in flight keep the editor dirty. */
export async function saveDraft(store: EditorStore): Promise<boolean> {
  const { automationId, name, nodes, edges, revision, set } = store.getState();
  if (name.trim() === "") {
    toast.error("Give the automation a name before saving");
    return false;
  }
  set({ saving: true });
  try {
    await saveAutomation(automationId, { name: name.trim(), graph: toGraph(nodes, edges) });
    set({ savedRevision: revision });
    return true;
  } catch (error) {
    toast.error("Could not save the automation", { description: errorMessage(error) });
    return false;
  } finally {
    set({ saving: false });
  }
}

/** Saves, then publishes; a 422 puts its issues in the store so the editor can mark the nodes. */
export async function publishDraft(store: EditorStore): Promise<void> {
  const { set } = store.getState();
  set({ publishing: true });
  try {
    if (!(await saveDraft(store))) return;
    const { version } = await publishAutomation(store.getState().automationId);
    set({ publishedVersion: version, issues: [] });
    toast.success(`Published version ${version}`);
  } catch (error) {
    showFailure(store, error, { before: "publishing", failed: "Could not publish the automation" });
  } finally {
    set({ publishing: false });
  }
}

/** A 422's issues go to the store (the issues panel marks the nodes); anything else is a toast. */
export function showFailure(store: EditorStore, error: unknown, words: { before: string; failed: string }): void {
  if (error instanceof ApiError && error.status === 422) {
    const issues = error.issues.length > 0 ? error.issues : [{ message: error.message }];
    store.getState().set({ issues });
    toast.error(`Fix ${issues.length === 1 ? "1 problem" : `${issues.length} problems`} before ${words.before}`);
  } else {
    toast.error(words.failed, { description: errorMessage(error) });
  }
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : "Something went wrong";
