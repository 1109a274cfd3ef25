"use client";

import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { z } from "zod";
import { errorMessage } from "@/components/runs/fetch-json";
import { reloadAt } from "@/components/account/auth-pages";
import { RequestError, requestJson } from "@/components/account/request-json";
import { AccountFields, accountErrors, emptyAccount, type AccountDraft } from "./account-fields";
import { AuthCard, FormError } from "./auth-card";
import { OWNER_URL, ownerSchema } from "./owner-status";
import { SubmitButton } from "./submit-button";

type Errors = { byField: Partial<Record<keyof AccountDraft, string>>; general: string | null };
const noErrors: Errors = { byField: {}, general: null };

/**
 * The first start: the owner's account (admin of the default workspace), made once. Once
 * someone has signed up, this page says so and points to the sign-in.
 */
export function OwnerSignUpForm() {
  /** null while asking; the form opens when the answer is in (or could not be had: the server decides). */
  const [ownerNeeded, setOwnerNeeded] = useState<boolean | null>(null);
  const [checked, setChecked] = useState(false);
  const [draft, setDraft] = useState<AccountDraft>(emptyAccount);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(noErrors);

  useEffect(() => {
    const controller = new AbortController();
    requestJson(OWNER_URL, ownerSchema, { signal: controller.signal }).then(
      (answer) => {
        setOwnerNeeded(answer.ownerNeeded);
        setChecked(true);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setErrors({ byField: {}, general: `Couldn't check whether this Replyflow has an owner: ${errorMessage(error)}` });
        setChecked(true);
      },
    );
    return () => controller.abort();
  }, []);

  async function signUp(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noErrors);
    try {
      await requestJson(OWNER_URL, z.unknown(), { method: "POST", body: { name: draft.name.trim(), email: draft.email.trim(), password: draft.password } });
      reloadAt("/automations");
    } catch (error) {
      const issues = error instanceof RequestError ? error.issues : [];
      const { byField, rest } = accountErrors(issues);
      setErrors({ byField, general: rest.length > 0 ? rest.join(" ") : issues.length > 0 ? null : errorMessage(error) });
      if (error instanceof RequestError && error.status === 403) setOwnerNeeded(false);
      setBusy(false);
    }
  }

  if (ownerNeeded === false) {
    return (
      <AuthCard title="This Replyflow has an owner">
        <div className="flex items-start gap-3 text-sm text-slate-600">
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
          <p>
            The owner account exists already, so there is nothing to set up here. Sign in, or ask an admin for an invitation link to get an account.
          </p>
        </div>
        <Link href="/sign-in" className="mt-5 inline-flex h-9 w-full items-center justify-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Create the owner account"
      description="Welcome to Replyflow. This first account is the admin of the workspace: it can invite everyone else."
    >
      <form onSubmit={(event) => void signUp(event)} aria-label="Create the owner account" className="space-y-4">
        <fieldset disabled={busy || !checked} className="space-y-4">
          <AccountFields idPrefix="owner" value={draft} onChange={setDraft} errors={errors.byField} />
        </fieldset>
        <FormError>{errors.general}</FormError>
        <SubmitButton busy={busy} disabled={!checked}>
          Create the owner account
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
