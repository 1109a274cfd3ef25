import { reloadAt } from "./auth-pages";
import { requestJson } from "./request-json";

/**
 * Makes `workspaceId` the current workspace (a cookie), then loads the page again in it: the same
 * section (a detail page of the old workspace would not exist in the new one).
 */
export async function switchWorkspace(workspaceId: string, pathname: string): Promise<void> {
  await requestJson("/api/workspaces/current", null, { method: "PUT", body: { workspaceId } });
  const section = pathname.split("/")[1];
  reloadAt(section ? `/${section}` : "/automations");
}
