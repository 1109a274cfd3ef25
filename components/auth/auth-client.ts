"use client";

import { createAuthClient } from "better-auth/react";
import { tooManyAttempts } from "@/components/account/request-json";

/** better-auth's client for `/api/auth/*` (sign-in, sign-out, password reset), on this origin. */
export const authClient = createAuthClient();

/** An error as better-auth's client hands it over: its JSON body, plus the status. */
export type AuthClientError = { code?: string; message?: string; error?: string; status: number; statusText: string };

/** better-auth's codes (and our route's refusals) in words. */
const WORDS: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Wrong email or password.",
  INVALID_EMAIL: "That is not an email address.",
  INVALID_PASSWORD: "Wrong password.",
  PASSWORD_TOO_SHORT: "The password is too short: use at least 10 characters.",
  PASSWORD_TOO_LONG: "The password is too long: use at most 128 characters.",
  INVALID_TOKEN: "This reset link is invalid or has expired: ask for a new one.",
  USER_NOT_FOUND: "No account has this email.",
};

/**
 * What went wrong, in words: a wrong password, the wait after too many attempts (`retryAfter`,
 * from the Retry-After header), else the server's own message.
 */
export function authErrorWords(error: AuthClientError, retryAfter: number | null = null): string {
  if (error.status === 429) return tooManyAttempts(retryAfter);
  if (error.code && WORDS[error.code]) return WORDS[error.code]!;
  return error.message || error.error || (error.status ? `Request failed (${error.status})` : "Couldn't reach the server: check your connection.");
}
