"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { reloadAt, safeNext } from "@/components/account/auth-pages";
import { requestJson, retryAfterOf } from "@/components/account/request-json";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthCard, FormError } from "./auth-card";
import { authClient, authErrorWords } from "./auth-client";
import { OWNER_URL, ownerSchema } from "./owner-status";
import { SignedInNote } from "./signed-in-note";
import { SubmitButton } from "./submit-button";

/**
 * Email and password, then on to `?next=` (a path on this site) or the automations. A fresh
 * install with no user yet goes to the owner sign-up instead.
 */
export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"));
  const passwordChanged = params.get("reset") === "1";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    requestJson(OWNER_URL, ownerSchema, { signal: controller.signal }).then(
      ({ ownerNeeded }) => ownerNeeded && router.replace("/sign-up"),
      () => {}, // Signing in still works; the owner check is a convenience.
    );
    return () => controller.abort();
  }, [router]);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let retryAfter: number | null = null;
    try {
      const { error: failure } = await authClient.signIn.email(
        { email: email.trim(), password },
        { onError: (context) => void (retryAfter = retryAfterOf(context.response.headers.get("retry-after"))) },
      );
      if (failure) {
        setError(authErrorWords(failure, retryAfter));
        setBusy(false);
        return;
      }
      // A full load, so every part of the page (the header's account menu too) starts signed in.
      reloadAt(next);
    } catch {
      setError("Couldn't reach the server: check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Sign in to Replyflow"
      footer={<>No account yet? Ask an admin of your workspace for an invitation link.</>}
    >
      <SignedInNote next={next} />
      <form onSubmit={(event) => void signIn(event)} aria-label="Sign in" className="space-y-4">
        <fieldset disabled={busy} className="space-y-4">
          <Field id="email" label="Email">
            <Input
              id="email"
              type="email"
              autoComplete="email"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("sign-in", { error: error ?? undefined })}
            />
          </Field>
          <div className="space-y-1.5">
            <Field id="password" label="Password">
              <Input
                id="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("sign-in", { error: error ?? undefined })}
              />
            </Field>
            <p className="text-right text-xs">
              <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
                Forgot password?
              </Link>
            </p>
          </div>
        </fieldset>
        {passwordChanged && !error && (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700">
            Password changed: sign in with the new one.
          </p>
        )}
        <FormError id="sign-in-error">{error}</FormError>
        <SubmitButton busy={busy}>Sign in</SubmitButton>
      </form>
    </AuthCard>
  );
}
