"use client";

import { Ban, CircleAlert, Clock, UserCheck, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { RequestError, requestJson } from "@/components/account/request-json";
import { ROLE_NAMES, ROLE_SUMMARIES } from "@/components/account/role-words";
import { useMe } from "@/components/account/use-me";
import { errorMessage } from "@/components/runs/fetch-json";
import { AuthCard } from "./auth-card";
import { authClient } from "./auth-client";
import { INVITATION_URL, invitationSchema, type Invitation } from "./invitation-schema";
import { JoinAsMember } from "./join-as-member";
import { JoinWithNewAccount } from "./join-with-new-account";

type Loaded = { invitation: Invitation; error: null } | { invitation: null; error: string } | null;

/**
 * An invitation link: the workspace and the role it offers, then "Join" for someone signed in,
 * or a new account for someone who isn't. A used, revoked or expired link says so.
 */
export function AcceptInvitation({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const { me, loading: meLoading } = useMe();
  // Signed in but in no workspace (say, removed from the last one), /api/me refuses: the session still counts.
  const session = authClient.useSession();
  const signedInEmail = me?.actor.type === "user" ? me.actor.label : (session.data?.user.email ?? null);

  useEffect(() => {
    const controller = new AbortController();
    requestJson(`${INVITATION_URL}?token=${encodeURIComponent(token)}`, invitationSchema, { signal: controller.signal }).then(
      (invitation) => setLoaded({ invitation, error: null }),
      (error: unknown) => !controller.signal.aborted && setLoaded({ invitation: null, error: lookupError(error) }),
    );
    return () => controller.abort();
  }, [token]);

  if (loaded === null || (loaded.invitation?.state === "open" && (meLoading || session.isPending))) {
    return (
      <AuthCard title="Invitation">
        <p className="py-4 text-center text-sm text-slate-400">Loading the invitation…</p>
      </AuthCard>
    );
  }
  if (loaded.invitation === null) {
    return (
      <AuthCard title="This invitation can't be opened" footer={<SignInLink />}>
        <Problem icon={CircleAlert}>{loaded.error}</Problem>
      </AuthCard>
    );
  }

  const { invitation } = loaded;
  const offer = (
    <>
      You are invited to <strong className="font-medium text-slate-900">{invitation.workspace}</strong> as{" "}
      <strong className="font-medium text-slate-900">{ROLE_NAMES[invitation.role]}</strong> ({ROLE_SUMMARIES[invitation.role]}).
    </>
  );

  if (invitation.state !== "open") {
    return (
      <AuthCard title={`Join ${invitation.workspace}`} footer={signedInEmail ? <Link href="/automations" className="font-medium text-brand-700 hover:underline">Go to your automations</Link> : <SignInLink />}>
        <Problem icon={STATE_ICONS[invitation.state]}>{STATE_WORDS[invitation.state]}</Problem>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${invitation.workspace}`} description={offer}>
      {signedInEmail ? (
        <JoinAsMember token={token} invitation={invitation} email={signedInEmail} />
      ) : (
        <JoinWithNewAccount token={token} invitation={invitation} />
      )}
    </AuthCard>
  );
}

const STATE_WORDS: Record<Exclude<Invitation["state"], "open">, string> = {
  accepted: "This invitation has been used already: each link lets one person join. If that was you, sign in; otherwise ask an admin for a new link.",
  revoked: "An admin revoked this invitation, so it no longer works. Ask them for a new link.",
  expired: "This invitation has expired (links work for a week). Ask an admin of the workspace for a new one.",
};

const STATE_ICONS = { accepted: UserCheck, revoked: Ban, expired: Clock } as const;

function lookupError(error: unknown): string {
  if (error instanceof RequestError && (error.status === 404 || error.status === 400)) {
    return "This is not a valid invitation link: check that you copied all of it, or ask an admin for a new one.";
  }
  return `Couldn't load the invitation: ${errorMessage(error)}. Reload the page to try again.`;
}

function Problem({ icon: Icon, children }: { icon: LucideIcon; children: ReactNode }) {
  return (
    <p role="alert" className="flex items-start gap-3 text-sm text-slate-600">
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
      <span>{children}</span>
    </p>
  );
}

function SignInLink() {
  return (
    <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
      Go to sign in
    </Link>
  );
}
