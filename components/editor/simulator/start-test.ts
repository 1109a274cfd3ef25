import { toast } from "sonner";
import { z } from "zod";
import { ApiError } from "../automation-api";
import { errorMessage } from "../draft-actions";
import type { EditorStore } from "../editor-store";
import { toGraph } from "../flow-graph";
import type { TestRun } from "./simulator-context";

const testRunSchema = z.object({ runId: z.string(), version: z.number(), contactKey: z.string() });
const errorSchema = z.object({ error: z.string(), issues: z.array(z.object({ message: z.string(), nodeId: z.string().optional(), path: z.string().optional(), edgeId: z.string().optional() })).optional() });

/**
 * Starts the draft as it is on screen (saved or not) for the tester's test contact. Problems
 * that would stop a publish stop a test too: they go to the issues panel and mark the nodes.
 */
export async function startTest(store: EditorStore): Promise<TestRun | null> {
  const { automationId, nodes, edges, set } = store.getState();
  try {
    const response = await fetch(`/api/automations/${encodeURIComponent(automationId)}/test`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ graph: toGraph(nodes, edges) }),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = errorSchema.safeParse(body);
      throw new ApiError(response.status, parsed.success ? parsed.data.error : `Request failed (${response.status})`, parsed.success ? parsed.data.issues : []);
    }
    set({ issues: [] });
    return testRunSchema.parse(body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      const issues = error.issues.length > 0 ? error.issues : [{ message: error.message }];
      set({ issues });
      toast.error(`Fix ${issues.length === 1 ? "1 problem" : `${issues.length} problems`} before testing`);
    } else {
      toast.error("Could not start the test", { description: errorMessage(error) });
    }
    return null;
  }
}
