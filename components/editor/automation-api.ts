import { z } from "zod";
import type { Graph } from "@/lib/flow/graph";

const issueSchema = z.object({
  path: z.string().optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  message: z.string(),
});
const errorBodySchema = z.object({ error: z.string(), issues: z.array(issueSchema).optional() });

export type ApiIssue = z.infer<typeof issueSchema>;

/** A 4xx/5xx answer from the API, with the issues it named (publish problems, bad fields). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function request<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", accept: "application/json", ...init.headers },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error, parsed.data.issues);
    throw new ApiError(response.status, `Request failed (${response.status})`);
  }
  return schema.parse(body);
}

const idSchema = z.object({ id: z.string() });

export const createAutomation = (name: string) =>
  request("/api/automations", { method: "POST", body: JSON.stringify({ name }) }, idSchema);

export const saveAutomation = (id: string, draft: { name: string; graph: Graph }) =>
  request(`/api/automations/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify(draft) }, idSchema);

export const publishAutomation = (id: string) =>
  request(
    `/api/automations/${encodeURIComponent(id)}/publish`,
    { method: "POST" },
    z.object({ version: z.number().int() }),
  );

export const startRuns = (id: string, contacts: { phone: string; name?: string }[]) =>
  request(
    `/api/automations/${encodeURIComponent(id)}/runs`,
    { method: "POST", body: JSON.stringify({ contacts }) },
    z.object({ runs: z.array(z.object({ id: z.string(), contactId: z.string(), phone: z.string() })) }),
  );

/** The simulator: the draft on screen, frozen as a test version, for the caller's test contact. */
export const startTestRun = (id: string, graph: Graph) =>
  request(
    `/api/automations/${encodeURIComponent(id)}/test`,
    { method: "POST", body: JSON.stringify({ graph }) },
    z.object({ runId: z.string(), version: z.number().int(), contactKey: z.string() }),
  );
