import { hkdfSync } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "../db.ts";
import { sendMail } from "../mail.ts";
import { encryptionKey } from "../settings/secret-box.ts";

/**
 * Users, passwords and sessions are better-auth's (email + password, scrypt hashes, session
 * tokens in an httpOnly SameSite=Lax cookie, Secure under https). Workspaces, roles, invitations
 * and API keys are ours (lib/auth/*): they are a few tables and one check per request.
 */
function createAuth() {
  return betterAuth({
    appName: "Replyflow",
    secret: authSecret(),
    // Unset: taken from each request (one deployment may answer on several hosts). APP_URL pins it.
    baseURL: process.env.APP_URL || undefined,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await sendMail({ to: user.email, subject: "Reset your Replyflow password", text: `Open this link within an hour to choose a new password:\n\n${url}\n`, link: url });
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Sign-in is limited by our own counter, shared by every web process (lib/auth/rate-limit.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "replyflow",
      // Secure (and __Secure- prefixed) when APP_URL says https. Not by NODE_ENV: `npm start` is a
      // production server that a newcomer opens over plain http on a LAN address.
      useSecureCookies: process.env.APP_URL?.startsWith("https://") ?? false,
      database: { generateId: () => crypto.randomUUID() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { replyflowAuth?: Auth };

/** One instance per process, made on first use (next build imports routes without a database). */
export const auth = (): Auth => (globalForAuth.replyflowAuth ??= createAuth());

/** BETTER_AUTH_SECRET, else one derived from the settings key npm start keeps in .data/. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  if (!process.env.SETTINGS_ENCRYPTION_KEY) throw new Error("Set BETTER_AUTH_SECRET (or SETTINGS_ENCRYPTION_KEY, from which it is derived); npm start creates one in .data/settings-key");
  return Buffer.from(hkdfSync("sha256", encryptionKey(), "replyflow", "better-auth secret", 32)).toString("hex");
}
