import { z } from "zod";
import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/auth/audit";

const query = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const GET = route("audit:read", async (request, { access }) => Response.json(await listAuditEvents(access.workspaceId, query.parse(queryParams(request)))));
