"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { reloadAt } from "@/components/account/auth-pages";
import { RequestError, requestJson } from "@/components/account/request-json";
import { errorMessage } from "@/components/runs/fetch-json";
import { AccountFields, accountErrors, emptyAccount, type AccountDraft } from "./account-fields";
import { FormError } from "./auth-card";
import { INVITATION_URL, joinedSchema, type Invitation } from "./invitation-schema";
import { SubmitButton } from "./submit-button";

type Props = { token: string; invitation: Invitation };
type Errors = { byField: Partial<Record<keyof AccountDraft, string>>; general: string | null };

/** Signed out: a new account (name, email, password) that joins on creation; or sign in and come back. */
export function JoinWithNewAccount({ token, invitation }: Props) {
  const [draft, setDraft] = useState<AccountDraft>(emptyAccount);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({ byField: {}, general: null });
  const back = `/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`;

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({ byField: {}, general: null });
    try {
      const email = (invitation.email ?? draft.email).trim();
      await requestJson(INVITATION_URL, joinedSchema, { method: "POST", body: { token, name: draft.name.trim(), email, password: draft.password } });
      reloadAt("/automations");
    } catch (error) {
      const issues = error instanceof RequestError ? error.issues : [];
      const { byField, rest } = accountErrors(issues);
      setErrors({ byField, general: rest.length > 0 ? rest.join(" ") : issues.length > 0 ? null : errorMessage(error) });
      setBusy(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={(event) => void join(event)} aria-label="Create account and join" className="space-y-4">
        <fieldset disabled={busy} className="space-y-4">
          <AccountFields idPrefix="invitee" value={draft} onChange={setDraft} errors={errors.byField} fixedEmail={invitation.email} />
        </fieldset>
        <FormError>{errors.general}</FormError>
        <SubmitButton busy={busy}>Create account and join</SubmitButton>
      </form>
      <p className="border-t border-slate-100 pt-4 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link href={back} className="font-medium text-brand-700 hover:underline">
          Sign in and come back here
        </Link>
      </p>
    </div>
  );
}
