import { startTestRun } from "../automation-api";
import { showFailure } from "../draft-actions";
import type { EditorStore } from "../editor-store";
import { toGraph } from "../flow-graph";
import type { TestRun } from "./simulator-context";

/**
 * Starts the draft as it is on screen (saved or not) for the tester's test contact. Problems
 * that would stop a publish stop a test too: they go to the issues panel and mark the nodes.
 */
export async function startTest(store: EditorStore): Promise<TestRun | null> {
  const { automationId, nodes, edges, set } = store.getState();
  try {
    const run = await startTestRun(automationId, toGraph(nodes, edges));
    set({ issues: [] });
    return run;
  } catch (error) {
    showFailure(store, error, { before: "testing", failed: "Could not start the test" });
    return null;
  }
}
