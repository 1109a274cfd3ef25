import { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { signUp, type signUpBody } from "./sign-up.ts";

export const ownerNeeded = async () => (await db().user.count()) === 0;

const taken = () => new AppError("forbidden", "This Replyflow already has an owner: ask an admin for an invitation");

/**
 * The first start's owner sign-up: only while no user exists. The owner becomes admin of the
 * default workspace; should two sign up at the same moment, the second is undone and refused.
 */
export async function signUpOwner(request: Request, input: z.infer<typeof signUpBody>) {
  if (!(await ownerNeeded())) throw taken();
  const { userId, response } = await signUp(request, input);
  // NOT EXISTS alone would let two concurrent inserts both see no member: a lock orders them.
  const claimed = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('replyflow:owner'))`;
    return tx.$executeRaw`
      INSERT INTO "Member" ("workspaceId", "userId", role)
      SELECT ${DEFAULT_WORKSPACE_ID}, ${userId}, 'admin' WHERE NOT EXISTS (SELECT 1 FROM "Member")`;
  });
  if (claimed === 0) {
    await db().user.delete({ where: { id: userId } });
    throw taken();
  }
  return { userId, response };
}
