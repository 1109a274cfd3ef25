"use client";

import { Link2Off } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthCard, FormError } from "./auth-card";
import { authClient, authErrorWords } from "./auth-client";
import { SubmitButton } from "./submit-button";

const MIN_LENGTH = 10;

/**
 * The page the emailed link lands on (better-auth adds `?token=`, or `?error=INVALID_TOKEN`
 * for a used or expired link): a new password, twice, then on to sign in. Every session of the
 * account ends with the change.
 */
export function ResetPasswordForm() {
  const router = useRouter();
  const params = useSearchParams();
  const token = params.get("token");
  const linkError = params.get("error");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);

  if (linkError || !token) {
    return (
      <AuthCard title={linkError ? "This link doesn't work any more" : "Open the link from the email"}>
        <div role="alert" className="flex items-start gap-3 text-sm text-slate-600">
          <Link2Off aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
          <p>{linkProblem(linkError)}</p>
        </div>
        <Link href="/forgot-password" className="mt-5 inline-flex h-9 w-full items-center justify-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }

  async function reset(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      const { error: failure } = await authClient.resetPassword({ newPassword: password, token: token! });
      if (failure) {
        setError(authErrorWords(failure));
        setBusy(false);
        return;
      }
      router.replace("/sign-in?reset=1");
    } catch {
      setError("Couldn't reach the server: check your connection and try again.");
      setBusy(false);
    }
  }

  const hint = `At least ${MIN_LENGTH} characters. Every device signed in to this account is signed out.`;
  const mismatchText = mismatch ? "The two passwords are not the same." : undefined;
  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={(event) => void reset(event)} aria-label="Choose a new password" className="space-y-4">
        <fieldset disabled={busy} className="space-y-4">
          <Field id="new-password" label="New password" hint={hint}>
            <Input
              id="new-password"
              type="password"
              autoComplete="new-password"
              required
              autoFocus
              minLength={MIN_LENGTH}
              maxLength={128}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-describedby={describedBy("new-password", { hint })}
            />
          </Field>
          <Field id="repeat-password" label="Repeat new password" error={mismatchText}>
            <Input
              id="repeat-password"
              type="password"
              autoComplete="new-password"
              required
              maxLength={128}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              aria-invalid={mismatch ? true : undefined}
              aria-describedby={describedBy("repeat-password", { error: mismatchText })}
            />
          </Field>
        </fieldset>
        <FormError>{error}</FormError>
        <SubmitButton busy={busy}>Change password</SubmitButton>
      </form>
    </AuthCard>
  );
}

/** Why the link can't be used, in words: better-auth's `?error=` or no token at all. */
function linkProblem(error: string | null): string {
  if (error === null) return "This page needs the reset link you were sent (it carries a token). Ask for one if you don't have it.";
  if (error === "INVALID_TOKEN") return "The reset link is invalid or has expired: each link works once, within an hour. Ask for a new one.";
  return `The reset link was refused (${error}). Ask for a new one.`;
}
