import { z } from "zod";
import { auth } from "../auth/auth.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";

export const signUpBody = z.strictObject({
  name: z.string().trim().min(1, "Your name").max(80),
  email: z.email("An email address").max(200).transform((email) => email.toLowerCase()),
  password: z.string().min(10, "At least 10 characters").max(128),
});

/**
 * Creates the user through better-auth (its password hashing, its session) and answers with its
 * response, which carries the new session's cookie. Public sign-up is closed (see the auth
 * route): this runs only for the first owner and for someone accepting an invitation.
 */
export async function signUp(request: Request, input: z.infer<typeof signUpBody>): Promise<{ userId: string; response: Response }> {
  if (await db().user.findUnique({ where: { email: input.email } })) {
    throw new AppError("conflict", "An account with this email exists: sign in, then open the link again");
  }
  const response = await auth().api.signUpEmail({ body: input, headers: request.headers, asResponse: true });
  if (!response.ok) throw new AppError("bad_request", await failure(response));
  const user = await db().user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
  return { userId: user.id, response };
}

async function failure(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const message = z.object({ message: z.string() }).safeParse(body);
  return message.success ? message.data.message : "The account could not be created";
}

/** A JSON answer that keeps better-auth's Set-Cookie headers (the session). */
export function withSessionCookies(from: Response, body: unknown, status = 201): Response {
  const response = Response.json(body, { status });
  for (const cookie of from.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
