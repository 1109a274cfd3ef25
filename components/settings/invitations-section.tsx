"use client";

import { LoaderCircle, Plus } from "lucide-react";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { toast } from "sonner";
import { issueFor, RequestError, requestJson } from "@/components/account/request-json";
import { ROLE_NAMES, type Role } from "@/components/account/role-words";
import { isRole } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/components/runs/format-time";
import { errorMessage } from "@/components/runs/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createdInvitationSchema, invitationsSchema, invitationState, type InvitationRow, type InvitationState } from "./account-schemas";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CopyOnce } from "./copy-once";
import { RoleOptions } from "./role-options";
import { ListNote, SettingsSection, tdClass, thClass } from "./settings-section";
import { useResource } from "./use-resource";

const INVITATIONS_URL = "/api/invitations";
const noSubscription = () => () => {};

/**
 * Invitation links: made for a role (and optionally one address), shown in full once, valid a
 * week for one person. The list shows which are open, used, revoked or expired.
 */
export function InvitationsSection({ workspaceName }: { workspaceName: string }) {
  const { data, error, loadedAt, reload } = useResource(INVITATIONS_URL, invitationsSchema);
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const [link, setLink] = useState<string | null>(null);

  return (
    <SettingsSection id="invitations" title="Invitations" description={`A link lets one person join ${workspaceName} with the role you choose. Links work for a week.`}>
      <div className="space-y-4 px-4 py-4">
        <CreateInvitationForm
          onCreated={async (path) => {
            setLink(`${origin}${path}`);
            await reload();
          }}
        />
        {link && (
          <CopyOnce label="Invitation link" value={link} onDone={() => setLink(null)}>
            Copy it now: it will not be shown again. Send it to the person you invite; it works once, for a week.
          </CopyOnce>
        )}
      </div>
      {data === null ? (
        error ? <ListNote tone="error">Couldn&apos;t load the invitations: {error}</ListNote> : <ListNote>Loading invitations…</ListNote>
      ) : data.invitations.length === 0 ? (
        <ListNote>No invitations yet.</ListNote>
      ) : (
        <div className="overflow-x-auto border-t border-slate-200">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className={thClass}>For</th>
                <th scope="col" className={thClass}>Role</th>
                <th scope="col" className={thClass}>Created</th>
                <th scope="col" className={thClass}>State</th>
                <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.invitations.map((invitation) => (
                <InvitationRowView key={invitation.id} invitation={invitation} state={invitationState(invitation, loadedAt ?? 0)} onRevoked={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsSection>
  );
}

function CreateInvitationForm({ onCreated }: { onCreated: (path: string) => Promise<void> }) {
  const [role, setRole] = useState<Role>("editor");
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [emailError, setEmailError] = useState<string | undefined>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setEmailError(undefined);
    try {
      const trimmed = email.trim();
      const created = await requestJson(INVITATIONS_URL, createdInvitationSchema, { method: "POST", body: { role, ...(trimmed ? { email: trimmed } : {}) } });
      setEmail("");
      await onCreated(created.path);
    } catch (error) {
      const forEmail = error instanceof RequestError ? issueFor(error.issues, "email") : undefined;
      if (forEmail) setEmailError(forEmail === "Invalid email address" ? "That is not an email address" : forEmail);
      else toast.error("Couldn't create the invitation", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const hint = "Optional: only this address can accept it.";
  return (
    <form onSubmit={(event) => void create(event)} aria-label="Create invitation" className="flex flex-wrap items-start gap-3">
      <div className="w-40">
        <Field id="invitation-role" label="Role">
          <Select id="invitation-role" value={role} disabled={busy} onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}>
            <RoleOptions />
          </Select>
        </Field>
      </div>
      <div className="min-w-56 flex-1">
        <Field id="invitation-email" label="Email" hint={hint} error={emailError}>
          <Input
            id="invitation-email"
            type="email"
            autoComplete="off"
            placeholder="anyone with the link"
            value={email}
            disabled={busy}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("invitation-email", { hint, error: emailError })}
          />
        </Field>
      </div>
      <Button type="submit" variant="primary" className="mt-6" disabled={busy} aria-busy={busy || undefined}>
        {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Plus aria-hidden className="size-3.5" />}
        Create invitation link
      </Button>
    </form>
  );
}

const STATE_BADGES: Record<InvitationState, { text: string; tone: "success" | "neutral" | "danger" | "warning" }> = {
  open: { text: "Open", tone: "success" },
  accepted: { text: "Used", tone: "neutral" },
  revoked: { text: "Revoked", tone: "danger" },
  expired: { text: "Expired", tone: "warning" },
};

function InvitationRowView({ invitation, state, onRevoked }: { invitation: InvitationRow; state: InvitationState; onRevoked: () => Promise<void> }) {
  const who = invitation.email ?? "Anyone with the link";
  const badge = STATE_BADGES[state];
  const when = state === "accepted" ? invitation.acceptedAt : state === "revoked" ? invitation.revokedAt : invitation.expiresAt;

  async function revoke(): Promise<boolean> {
    try {
      await requestJson(`${INVITATIONS_URL}/${encodeURIComponent(invitation.id)}`, null, { method: "DELETE" });
      toast.success("Invitation revoked", { description: "The link no longer works." });
      await onRevoked();
      return true;
    } catch (error) {
      toast.error("Couldn't revoke the invitation", { description: errorMessage(error) });
      return false;
    }
  }

  return (
    <tr data-testid="invitation-row">
      <td className={`${tdClass} ${invitation.email ? "text-slate-900" : "text-slate-500"}`}>{who}</td>
      <td className={tdClass}>{ROLE_NAMES[invitation.role]}</td>
      <td className={`${tdClass} whitespace-nowrap text-slate-500`} title={formatDateTime(invitation.createdAt)}>
        {formatDate(invitation.createdAt)}
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        <Badge tone={badge.tone}>{badge.text}</Badge>
        {when && (
          <span className="ml-2 text-xs text-slate-500" title={formatDateTime(when)}>
            {state === "open" ? "until" : ""} {formatDate(when)}
          </span>
        )}
      </td>
      <td className={`${tdClass} text-right`}>
        {state === "open" && (
          <ConfirmButton
            label={`Revoke the invitation for ${invitation.email ?? "anyone with the link"}`}
            title="Revoke this invitation?"
            description={`The link stops working at once${invitation.email ? ` for ${invitation.email}` : ""}. Nobody who joined already loses access.`}
            confirmText="Revoke invitation"
            onConfirm={revoke}
          >
            Revoke
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
