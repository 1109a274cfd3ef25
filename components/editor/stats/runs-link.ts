/** The runs list filtered to one step of one version: the runs there now (waiting, by default). */
export function runsAtNodeHref(automationId: string, version: number, nodeId: string, status?: "waiting"): string {
  const query = new URLSearchParams({ automationId, version: String(version), nodeId });
  if (status) query.set("status", status);
  return `/runs?${query}`;
}

export const statsUrl = (automationId: string, version: number | null) =>
  `/api/automations/${encodeURIComponent(automationId)}/stats${version === null ? "" : `?version=${version}`}`;
