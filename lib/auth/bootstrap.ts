import { db } from "../db.ts";
import { log } from "../log.ts";
import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { tokenHash } from "./token-hash.ts";
import { auth } from "./auth.ts";

const globalForBootstrap = globalThis as unknown as { replyflowBootstrap?: Promise<void> };

/**
 * BOOTSTRAP_ADMIN_EMAIL + BOOTSTRAP_ADMIN_PASSWORD make that user an admin of the default
 * workspace, and BOOTSTRAP_API_KEY an admin key of it, from the first request on (CI and
 * Playwright users need no browser to get in). Once per process; existing ones are kept as they are.
 */
export function ensureBootstrap(): Promise<void> {
  globalForBootstrap.replyflowBootstrap ??= bootstrap().catch((error: unknown) => {
    globalForBootstrap.replyflowBootstrap = undefined; // try again on the next request
    throw error;
  });
  return globalForBootstrap.replyflowBootstrap;
}

async function bootstrap(): Promise<void> {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password, BOOTSTRAP_API_KEY: key } = process.env;
  if (email && password) await bootstrapAdmin(email.trim().toLowerCase(), password);
  if (key) {
    await db().apiKey.upsert({
      where: { hash: tokenHash(key) },
      create: { workspaceId: DEFAULT_WORKSPACE_ID, name: "Bootstrap key (BOOTSTRAP_API_KEY)", role: "admin", prefix: key.slice(0, 6), hash: tokenHash(key) },
      update: {},
    });
  }
}

async function bootstrapAdmin(email: string, password: string): Promise<void> {
  let user = await db().user.findUnique({ where: { email } });
  if (!user) {
    try {
      await auth().api.signUpEmail({ body: { email, password, name: email.split("@")[0] ?? email } });
      log.info({ email }, "created the bootstrap admin");
    } catch (error) {
      // Another process made it at the same moment: fine. Anything else (a short password) is not.
      if (!(await db().user.findUnique({ where: { email } }))) throw error;
    }
    user = await db().user.findUniqueOrThrow({ where: { email } });
  }
  await db().member.upsert({
    where: { workspaceId_userId: { workspaceId: DEFAULT_WORKSPACE_ID, userId: user.id } },
    create: { workspaceId: DEFAULT_WORKSPACE_ID, userId: user.id, role: "admin" },
    update: {},
  });
}
