import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { route } from "@/lib/api/route";
import { WORKSPACE_COOKIE } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

const body = z.strictObject({ workspaceId: z.string().min(1).max(100) });

/** Switches the signed-in user to another of their workspaces (a cookie, checked on every request). */
export const PUT = route("read", async (request, { access }) => {
  if (access.actor.type !== "user") throw new AppError("forbidden", "An API key belongs to one workspace");
  const { workspaceId } = await readJson(request, body);
  const member = await db().member.findUnique({ where: { workspaceId_userId: { workspaceId, userId: access.actor.id } } });
  if (!member) throw notFound("Workspace");
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return Response.json({ workspaceId, role: member.role }, {
    headers: { "set-cookie": `${WORKSPACE_COOKIE}=${encodeURIComponent(workspaceId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}` },
  });
});
