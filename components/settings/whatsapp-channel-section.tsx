import type { ReactNode } from "react";
import { WebhookUrl } from "./webhook-url";
import { WhatsappChannelState } from "./whatsapp-channel-state";
import { WhatsappSettingsForm } from "./whatsapp-settings-form";
import type { WhatsappSettings } from "./whatsapp-settings-schemas";

type Props = { settings: WhatsappSettings; onSaved: (settings: WhatsappSettings) => void; onRemoved: () => Promise<void> };

/** The WhatsApp channel: where runs send now, why it can't be changed here (if so), the form, and the webhook URL for Meta. */
export function WhatsappChannelSection({ settings, onSaved, onRemoved }: Props) {
  const lock = lockReason(settings);
  return (
    <section aria-labelledby="whatsapp-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="whatsapp-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        WhatsApp channel
      </h2>
      <div className="space-y-5 px-4 py-4">
        <WhatsappChannelState settings={settings} />
        {lock && <Note>{lock}</Note>}
        {!lock && settings.source === "settings" && !settings.secretsReadable && (
          <Note>
            The stored access token or app secret can&apos;t be read with the current SETTINGS_ENCRYPTION_KEY (was it changed?). Enter them
            again and save, or remove the settings.
          </Note>
        )}
        {/* Keyed by the save, so the form starts again from the server's answer (secrets emptied). */}
        <WhatsappSettingsForm key={`${settings.source}:${settings.updatedAt}`} settings={settings} locked={lock !== null} onSaved={onSaved} onRemoved={onRemoved} />
      </div>
      <div className="border-t border-slate-200 bg-slate-50/50 px-4 py-4">
        <WebhookUrl verifyTokenSet={settings.verifyTokenSet || settings.environment.verifyToken} />
      </div>
    </section>
  );
}

function lockReason(settings: WhatsappSettings): string | null {
  if (settings.source === "environment") {
    return "The environment configures this channel (WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN), so it can't be changed here: change those variables, or unset them to use this form.";
  }
  if (!settings.encryptionKeySet) {
    return "Tokens are stored encrypted, and the server has no SETTINGS_ENCRYPTION_KEY. Set one (64 hex digits, e.g. from `openssl rand -hex 32`) for the web server and the workers; `npm start` creates one in .data/settings-key.";
  }
  return null;
}

function Note({ children }: { children: ReactNode }) {
  return (
    <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
      {children}
    </p>
  );
}
