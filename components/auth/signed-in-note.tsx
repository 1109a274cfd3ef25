"use client";

import Link from "next/link";
import { useState } from "react";
import { RequestError } from "@/components/account/request-json";
import { useMe } from "@/components/account/use-me";
import { Button } from "@/components/ui/button";
import { authClient } from "./auth-client";

/**
 * On the sign-in page while a session exists: either a way on (`next`), or, when no workspace
 * takes you (removed from the last one, say), why the pages keep sending you here.
 */
export function SignedInNote({ next }: { next: string }) {
  const session = authClient.useSession();
  const email = session.data?.user.email;
  const { me, error } = useMe(Boolean(email));
  const [busy, setBusy] = useState(false);
  if (!email || (!me && !error)) return null;
  const noWorkspace = error instanceof RequestError && error.status === 401;

  async function signOut() {
    setBusy(true);
    await authClient.signOut().catch(() => null);
    setBusy(false);
  }

  return (
    <div role="note" className={`mb-4 space-y-2 rounded-md border px-3 py-2 text-sm ${noWorkspace ? "border-amber-200 bg-amber-50 text-amber-800" : "border-slate-200 bg-slate-50 text-slate-700"}`}>
      <p>
        You are signed in as <strong className="font-medium">{email}</strong>
        {noWorkspace ? ", but no workspace has you as a member: ask an admin for an invitation link, or sign in as someone else." : "."}
      </p>
      <div className="flex gap-2">
        {me && (
          <Link href={next} className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-brand-700 hover:bg-white">
            Continue as {email}
          </Link>
        )}
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void signOut()}>
          Sign out
        </Button>
      </div>
    </div>
  );
}
