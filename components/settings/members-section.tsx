"use client";

import { UserMinus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { reloadAt } from "@/components/account/auth-pages";
import type { Me } from "@/components/account/me-schema";
import { requestJson } from "@/components/account/request-json";
import { ROLE_NAMES, ROLE_SUMMARIES } from "@/components/account/role-words";
import { isRole, type Role } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/components/runs/format-time";
import { errorMessage } from "@/components/runs/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { membersSchema, type Member } from "./account-schemas";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RoleOptions } from "./role-options";
import { ListNote, SettingsSection, tdClass, thClass } from "./settings-section";
import { useResource } from "./use-resource";

const MEMBERS_URL = "/api/members";

/** Who belongs to the workspace: their role (changeable) and "Remove". A workspace keeps one admin. */
export function MembersSection({ me }: { me: Me }) {
  const { data, error, reload } = useResource(MEMBERS_URL, membersSchema);

  return (
    <SettingsSection id="members" title="Members" description={`People who can sign in to ${me.workspace.name}, and what their role lets them do.`}>
      {data === null ? (
        error ? <ListNote tone="error">Couldn&apos;t load the members: {error}</ListNote> : <ListNote>Loading members…</ListNote>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className={thClass}>Member</th>
                <th scope="col" className={thClass}>Role</th>
                <th scope="col" className={thClass}>Joined</th>
                <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.members.map((member) => (
                <MemberRow key={member.userId} member={member} me={me} onChanged={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsSection>
  );
}

function MemberRow({ member, me, onChanged }: { member: Member; me: Me; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const isMe = me.actor.type === "user" && me.actor.id === member.userId;

  async function changeRole(role: Role) {
    setBusy(true);
    try {
      await requestJson(`${MEMBERS_URL}/${encodeURIComponent(member.userId)}`, null, { method: "PATCH", body: { role } });
      toast.success("Role changed", { description: `${member.email} is now ${ROLE_NAMES[role]} (${ROLE_SUMMARIES[role]}).` });
      // Your own role decides what this page may show: load it again.
      if (isMe) return reloadAt("/settings");
      await onChanged();
    } catch (error) {
      toast.error("Couldn't change the role", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<boolean> {
    try {
      await requestJson(`${MEMBERS_URL}/${encodeURIComponent(member.userId)}`, null, { method: "DELETE" });
      toast.success(`${member.email} was removed from ${me.workspace.name}`);
      if (isMe) reloadAt("/automations");
      else await onChanged();
      return true;
    } catch (error) {
      toast.error("Couldn't remove the member", { description: errorMessage(error) });
      return false;
    }
  }

  return (
    <tr data-testid="member-row">
      <td className={tdClass}>
        <div className="font-medium text-slate-900">
          {member.name || member.email} {isMe && <Badge>you</Badge>}
        </div>
        {member.name && <div className="text-xs text-slate-500">{member.email}</div>}
      </td>
      <td className={tdClass}>
        <Select
          aria-label={`Role for ${member.email}`}
          value={member.role}
          disabled={busy}
          onChange={(event) => isRole(event.target.value) && void changeRole(event.target.value)}
          className="w-36 [&_select]:h-8"
        >
          <RoleOptions />
        </Select>
      </td>
      <td className={`${tdClass} whitespace-nowrap text-slate-500`} title={formatDateTime(member.joinedAt)}>
        {formatDate(member.joinedAt)}
      </td>
      <td className={`${tdClass} text-right`}>
        <ConfirmButton
          label={`Remove ${member.email}`}
          title={isMe ? `Leave ${me.workspace.name}?` : `Remove ${member.email}?`}
          description={
            isMe
              ? "You lose access to this workspace's automations, runs and contacts until an admin invites you again."
              : `They lose access to ${me.workspace.name} at once; their account stays, and an admin can invite them again.`
          }
          confirmText={isMe ? "Leave workspace" : "Remove member"}
          disabled={busy}
          onConfirm={remove}
        >
          <UserMinus aria-hidden className="size-3.5" />
          Remove
        </ConfirmButton>
      </td>
    </tr>
  );
}
