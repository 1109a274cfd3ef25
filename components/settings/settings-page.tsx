"use client";

import { CloudOff } from "lucide-react";
import { StateMessage } from "@/components/runs/state-message";
import { useWhatsappSettings } from "./use-whatsapp-settings";
import { WhatsappChannelSection } from "./whatsapp-channel-section";

/** The workspace's settings; for now its WhatsApp channel. */
export function SettingsPage() {
  const { settings, error, accept, reload } = useWhatsappSettings();

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-3xl px-6 py-6">
        <div className="mb-5">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Settings</h1>
          <p className="mt-1 text-sm text-slate-500">Where your automations send their messages, and how Meta reaches Replyflow.</p>
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
      </div>
    </div>
  );
}
