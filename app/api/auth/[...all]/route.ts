import { toNextJsHandler } from "better-auth/next-js";
import { errorResponse } from "@/lib/api/route";
import { auth } from "@/lib/auth/auth";
import { ensureBootstrap } from "@/lib/auth/bootstrap";
import { clientIp, LIMITS, rateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

/**
 * better-auth's endpoints (sign-in, sign-out, session, password reset, revoke sessions), with
 * two rules of ours in front: public sign-up is closed (the owner signs up once, everyone else by
 * invitation: /api/auth/owner, /api/auth/invitation), and sign-in attempts are rate limited
 * per email and per client, in Postgres so every web process counts together.
 */
async function guarded(request: Request): Promise<Response> {
  try {
    await ensureBootstrap(); // the bootstrap admin can sign in from the first request on
    const path = new URL(request.url).pathname;
    if (path.endsWith("/sign-up/email")) throw new AppError("forbidden", "Accounts are made by invitation: ask an admin for a link");
    if (request.method === "POST" && (path.endsWith("/sign-in/email") || path.endsWith("/request-password-reset"))) {
      const email = await emailOf(request);
      const { limit, windowSeconds } = LIMITS.signIn;
      await rateLimit(`sign-in:ip:${clientIp(request)}`, limit * 5, windowSeconds);
      if (email) await rateLimit(`sign-in:email:${email}`, limit, windowSeconds);
    }
    return await toNextJsHandler(auth())[request.method === "GET" ? "GET" : "POST"](request);
  } catch (error) {
    return errorResponse(error, request);
  }
}

async function emailOf(request: Request): Promise<string | null> {
  const body: unknown = await request.clone().json().catch(() => null);
  return typeof body === "object" && body !== null && "email" in body && typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 200) : null;
}

export const GET = guarded;
export const POST = guarded;
