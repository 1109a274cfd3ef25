"use client";

import { useState, type FormEvent } from "react";
import { reloadAt } from "@/components/account/auth-pages";
import { RequestError, requestJson } from "@/components/account/request-json";
import { errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { FormError } from "./auth-card";
import { authClient } from "./auth-client";
import { INVITATION_URL, joinedSchema, type Invitation } from "./invitation-schema";
import { SubmitButton } from "./submit-button";

type Props = { token: string; invitation: Invitation; email: string };

/** Signed in already: one button joins, then the workspace becomes the current one. */
export function JoinAsMember({ token, invitation, email }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const otherAddress = invitation.email !== null && invitation.email.toLowerCase() !== email.toLowerCase();

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await requestJson(INVITATION_URL, joinedSchema, { method: "POST", body: { token } });
      await requestJson("/api/workspaces/current", null, { method: "PUT", body: { workspaceId: joined.workspaceId } }).catch(() => {});
      reloadAt("/automations");
    } catch (failure) {
      setError(failure instanceof RequestError && failure.status === 409 ? `${failure.message}. Reload the page to see it.` : errorMessage(failure));
      setBusy(false);
    }
  }

  async function switchAccount() {
    setBusy(true);
    await authClient.signOut().catch(() => {});
    window.location.reload();
  }

  return (
    <form onSubmit={(event) => void join(event)} aria-label={`Join ${invitation.workspace}`} className="space-y-4">
      <p className="text-sm text-slate-600">
        You are signed in as <strong className="font-medium text-slate-900">{email}</strong>.
      </p>
      {otherAddress && (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          This invitation is for {invitation.email}: sign out, then open the link again as that person.
        </p>
      )}
      <FormError>{error}</FormError>
      <SubmitButton busy={busy} disabled={otherAddress}>
        Join {invitation.workspace}
      </SubmitButton>
      <Button variant="ghost" size="sm" className="w-full" disabled={busy} onClick={() => void switchAccount()}>
        Not you? Sign out
      </Button>
    </form>
  );
}
