"use client";

import { ChevronDown, LogOut, MonitorX, UserRound } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { authClient } from "@/components/auth/auth-client";
import { errorMessage } from "@/components/runs/fetch-json";
import { Badge } from "@/components/ui/badge";
import { isAuthPage, reloadAt, signInHref } from "./auth-pages";
import type { Me } from "./me-schema";
import { RequestError } from "./request-json";
import { ROLE_NAMES } from "./role-words";
import { useMe } from "./use-me";
import { WorkspaceSwitcher } from "./workspace-switcher";

/**
 * The header's right side: the workspace switcher and the account (email, role, sign out).
 * Hidden on the sign-in, sign-up, password and invitation pages; a signed-out visit elsewhere
 * goes to the sign-in page, coming back here afterwards.
 */
export function AccountMenu() {
  const pathname = usePathname();
  if (isAuthPage(pathname)) return null;
  return <SignedInAccount pathname={pathname} />;
}

function SignedInAccount({ pathname }: { pathname: string }) {
  const router = useRouter();
  const { me, error, loading } = useMe();
  const signedOut = error instanceof RequestError && error.status === 401;

  useEffect(() => {
    if (signedOut) router.replace(signInHref(`${pathname}${window.location.search}`));
  }, [signedOut, pathname, router]);

  if (loading || signedOut) return <div aria-hidden className="h-8 w-40 animate-pulse rounded-md bg-slate-100" />;
  if (!me) {
    return (
      <p role="status" className="text-xs text-red-600" title={errorMessage(error)}>
        Couldn&apos;t load your account
      </p>
    );
  }
  return (
    <div className="flex items-center gap-2">
      {me.actor.type === "user" && <WorkspaceSwitcher me={me} />}
      <AccountDropdown me={me} />
    </div>
  );
}

function AccountDropdown({ me }: { me: Me }) {
  const [busy, setBusy] = useState(false);
  const isUser = me.actor.type === "user";

  async function signOut(everywhere: boolean) {
    setBusy(true);
    try {
      if (everywhere) {
        const { error } = await authClient.revokeSessions();
        if (error) throw new Error(error.message || error.statusText || "The sessions could not be ended");
      }
      // After revoking, this session is gone already; signing out still clears its cookie.
      await authClient.signOut().catch(() => null);
      reloadAt("/sign-in");
    } catch (error) {
      toast.error(everywhere ? "Couldn't sign out everywhere" : "Couldn't sign out", { description: errorMessage(error) });
      setBusy(false);
    }
  }

  const itemClass =
    "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account: ${me.actor.label}, ${ROLE_NAMES[me.role]}`}
        className="inline-flex h-8 max-w-72 items-center gap-2 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        <UserRound aria-hidden className="size-4 shrink-0 text-slate-400" />
        <span className="truncate" data-testid="account-email">
          {me.actor.label}
        </span>
        <Badge data-testid="account-role">{ROLE_NAMES[me.role]}</Badge>
        <ChevronDown aria-hidden className="size-3.5 shrink-0 text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-60 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500">
            {isUser ? "Signed in as" : "Using the API key"} <span className="font-medium text-slate-900">{me.actor.label}</span>
            <br />
            {ROLE_NAMES[me.role]} in {me.workspace.name}
          </DropdownMenu.Label>
          {isUser && (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
              <DropdownMenu.Item className={itemClass} disabled={busy} onSelect={() => void signOut(false)}>
                <LogOut aria-hidden className="size-4 text-slate-400" />
                Sign out
              </DropdownMenu.Item>
              <DropdownMenu.Item className={itemClass} disabled={busy} onSelect={() => void signOut(true)}>
                <MonitorX aria-hidden className="size-4 text-slate-400" />
                Sign out everywhere
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
