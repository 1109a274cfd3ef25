"use client";

import { CloudOff } from "lucide-react";
import { ROLE_NAMES } from "@/components/account/role-words";
import { canDo, useMe } from "@/components/account/use-me";
import { StateMessage } from "@/components/runs/state-message";
import { ApiKeysSection } from "./api-keys-section";
import { InvitationsSection } from "./invitations-section";
import { MembersSection } from "./members-section";
import { useWhatsappSettings } from "./use-whatsapp-settings";
import { WhatsappChannelSection } from "./whatsapp-channel-section";

/** The workspace's settings: its WhatsApp channel, then (for admins) members, invitations and API keys. */
export function SettingsPage() {
  const { settings, error, accept, reload } = useWhatsappSettings();
  const { me } = useMe();

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-3xl px-6 py-6">
        <div className="mb-5">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Settings</h1>
          <p className="mt-1 text-sm text-slate-500">Where your automations send their messages, how Meta reaches Replyflow, and who can use this workspace.</p>
        </div>
        {settings === null ? (
          error ? (
            <div className="rounded-xl border border-slate-200 bg-white shadow-xs">
              <StateMessage icon={CloudOff} title="Couldn't load the settings" tone="error">
                {error}. Reload the page to try again.
              </StateMessage>
            </div>
          ) : (
            <p className="py-10 text-center text-sm text-slate-400">Loading settings…</p>
          )
        ) : (
          <WhatsappChannelSection settings={settings} onSaved={accept} onRemoved={reload} />
        )}
        {me &&
          (canDo(me, "settings:write") ? (
            <div className="mt-6 space-y-6">
              <MembersSection me={me} />
              <InvitationsSection workspaceName={me.workspace.name} />
              <ApiKeysSection />
            </div>
          ) : (
            <p role="note" className="mt-6 text-sm text-slate-500">
              Members, invitations and API keys are managed by admins; your role here is {ROLE_NAMES[me.role]}.
            </p>
          ))}
      </div>
    </div>
  );
}
