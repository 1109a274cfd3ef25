"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { retryAfterOf } from "@/components/account/request-json";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthCard, FormError } from "./auth-card";
import { authClient, authErrorWords } from "./auth-client";
import { SubmitButton } from "./submit-button";

const backToSignIn = (
  <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
    Back to sign in
  </Link>
);

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so
 * the page never tells who has one.
 */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function request(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let retryAfter: number | null = null;
    try {
      const { error: failure } = await authClient.requestPasswordReset(
        { email: email.trim(), redirectTo: "/reset-password" },
        { onError: (context) => void (retryAfter = retryAfterOf(context.response.headers.get("retry-after"))) },
      );
      // Only a wait is worth saying; anything else would hint at whether the account exists.
      if (failure?.status === 429) setError(authErrorWords(failure, retryAfter));
      else setSent(true);
    } catch {
      setError("Couldn't reach the server: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <AuthCard title="Check your email" footer={backToSignIn}>
        <div role="status" className="space-y-3 text-sm text-slate-600">
          <p className="flex items-start gap-3">
            <MailCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
            <span>
              If an account has the address <strong className="font-medium text-slate-900">{email.trim()}</strong>, a link to choose a new password is on its
              way. It works once, within an hour.
            </span>
          </p>
          <p className="text-xs leading-relaxed text-slate-500">
            No email? Without a mail server (SMTP_URL), Replyflow prints the link in its server log instead: ask whoever runs it to look for
            &ldquo;Reset your Replyflow password&rdquo;.
          </p>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Reset your password" description="Enter your account's email and we'll send you a link to choose a new password." footer={backToSignIn}>
      <form onSubmit={(event) => void request(event)} aria-label="Reset your password" className="space-y-4">
        <fieldset disabled={busy}>
          <Field id="email" label="Email">
            <Input id="email" type="email" autoComplete="email" required autoFocus value={email} onChange={(event) => setEmail(event.target.value)} />
          </Field>
        </fieldset>
        <FormError>{error}</FormError>
        <SubmitButton busy={busy}>Send reset link</SubmitButton>
      </form>
    </AuthCard>
  );
}
