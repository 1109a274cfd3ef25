"use client";

import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { IssueList } from "@/components/contacts/issue-list";
import { errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RemoveSettingsButton } from "./remove-settings-button";
import { SecretField } from "./secret-field";
import { ConnectionResult, TestConnectionButton } from "./test-connection-button";
import { saveWhatsappSettings, SettingsApiError, type ConnectionCheck, type WhatsappSettings, type WhatsappSettingsBody } from "./whatsapp-settings-schemas";

type Draft = { phoneNumberId: string; accessToken: string; appSecret: string; verifyToken: string; apiBase: string; messagesPerSecond: string };
type Clearable = "appSecret" | "verifyToken";
type Issue = { path?: string; message: string };

const FIELDS = new Set<string>(["phoneNumberId", "accessToken", "appSecret", "verifyToken", "apiBase", "messagesPerSecond"]);

type Props = {
  settings: WhatsappSettings;
  /** Nothing can be saved (the environment configures the channel, or there is no key): shown, not editable. */
  locked: boolean;
  onSaved: (settings: WhatsappSettings) => void;
  onRemoved: () => Promise<void>;
};

/**
 * The channel's settings. Secrets are write-only: left empty they keep what is stored, and the
 * stored ones can be cleared. The server's issues show under their fields.
 */
export function WhatsappSettingsForm({ settings, locked, onSaved, onRemoved }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [clearing, setClearing] = useState<Record<Clearable, boolean>>({ appSecret: false, verifyToken: false });
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const set = (key: keyof Draft) => (value: string) => setDraft((previous) => ({ ...previous, [key]: value }));
  const errorOf = (path: keyof Draft) => issues.find((issue) => issue.path === path)?.message;
  const general = issues.filter((issue) => !FIELDS.has(issue.path ?? "")).map((issue) => issue.message);
  const token = settings.accessTokenFingerprint;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setIssues([]);
    try {
      const saved = await saveWhatsappSettings(bodyOf(draft, clearing));
      toast.success("WhatsApp settings saved", { description: `Runs send from phone number id ${saved.phoneNumberId} (workers notice within a few seconds).` });
      onSaved(saved);
    } catch (error) {
      const found = error instanceof SettingsApiError && error.issues.length > 0 ? error.issues : [{ message: errorMessage(error) }];
      setIssues(found);
      toast.error("Couldn't save the settings", { description: found.map((issue) => issue.message).join(" ") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label="WhatsApp settings" className="space-y-4">
      <fieldset disabled={locked || busy} className="grid gap-4 sm:grid-cols-2">
        <Field id="phone-number-id" label="Phone number ID" error={errorOf("phoneNumberId")} hint="Meta's id of the number (WhatsApp › API Setup), not the phone number itself.">
          <Input
            id="phone-number-id"
            value={draft.phoneNumberId}
            onChange={(event) => set("phoneNumberId")(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            placeholder="e.g. 106540352242922"
            aria-invalid={errorOf("phoneNumberId") ? true : undefined}
            aria-describedby={describedBy("phone-number-id", { hint: true, error: errorOf("phoneNumberId") })}
          />
        </Field>
        <SecretField
          id="access-token"
          label="Access token"
          value={draft.accessToken}
          onChange={set("accessToken")}
          stored={token !== null}
          storedText={`stored (fingerprint ${token})`}
          placeholder={settings.source === "settings" && !settings.secretsReadable ? "stored token unreadable: enter it again" : "EAAG…"}
          hint="A permanent System User token with whatsapp_business_messaging and whatsapp_business_management. Leave empty to keep the stored one."
          error={errorOf("accessToken")}
        />
        <SecretField
          id="app-secret"
          label="App secret"
          value={draft.appSecret}
          onChange={set("appSecret")}
          stored={settings.appSecretSet}
          hint={settings.environment.appSecret ? "WHATSAPP_APP_SECRET in the environment takes precedence for webhooks." : "App settings › Basic. Once set, webhooks without a valid signature are refused."}
          error={errorOf("appSecret")}
          clearing={clearing.appSecret}
          onClearingChange={(next) => setClearing((previous) => ({ ...previous, appSecret: next }))}
        />
        <SecretField
          id="verify-token"
          label="Verify token"
          value={draft.verifyToken}
          onChange={set("verifyToken")}
          stored={settings.verifyTokenSet}
          placeholder="8 or more characters of your choice"
          hint={settings.environment.verifyToken ? "WHATSAPP_VERIFY_TOKEN in the environment takes precedence for webhooks." : "Any text you choose; enter the same in Meta's webhook configuration."}
          error={errorOf("verifyToken")}
          clearing={clearing.verifyToken}
          onClearingChange={(next) => setClearing((previous) => ({ ...previous, verifyToken: next }))}
        />
        <Field id="api-base" label="Graph API base URL" error={errorOf("apiBase")} hint="Empty for Meta's. http only towards localhost (the fake server).">
          <Input
            id="api-base"
            value={draft.apiBase}
            onChange={(event) => set("apiBase")(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={settings.defaultApiBase}
            aria-invalid={errorOf("apiBase") ? true : undefined}
            aria-describedby={describedBy("api-base", { hint: true, error: errorOf("apiBase") })}
          />
        </Field>
        <Field id="messages-per-second" label="Messages per second" error={errorOf("messagesPerSecond")} hint="Pacing for this number across all workers; Meta allows 80 by default.">
          <Input
            id="messages-per-second"
            type="number"
            min={1}
            max={1000}
            step={1}
            value={draft.messagesPerSecond}
            onChange={(event) => set("messagesPerSecond")(event.target.value)}
            aria-invalid={errorOf("messagesPerSecond") ? true : undefined}
            aria-describedby={describedBy("messages-per-second", { hint: true, error: errorOf("messagesPerSecond") })}
          />
        </Field>
      </fieldset>
      <IssueList id="settings-issues" issues={general} />
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4">
        <Button type="submit" variant="primary" disabled={locked || busy} aria-busy={busy || undefined}>
          {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
          Save
        </Button>
        <TestConnectionButton disabled={settings.channel !== "whatsapp" || busy} onResult={setCheck} />
        <span className="flex-1" />
        <RemoveSettingsButton disabled={settings.source !== "settings" || busy} onRemoved={onRemoved} />
      </div>
      <ConnectionResult result={check} />
    </form>
  );
}

/** The form as the stored settings fill it; the default base stays empty so it follows the default. */
function draftOf(settings: WhatsappSettings): Draft {
  return {
    phoneNumberId: settings.phoneNumberId ?? "",
    accessToken: "",
    appSecret: "",
    verifyToken: "",
    apiBase: settings.apiBase && settings.apiBase !== settings.defaultApiBase ? settings.apiBase : "",
    messagesPerSecond: String(settings.messagesPerSecond ?? 80),
  };
}

/** The PUT body: typed secrets replace, cleared ones go as "", untouched ones are left out (kept). */
function bodyOf(draft: Draft, clearing: Record<Clearable, boolean>): WhatsappSettingsBody {
  const secret = (key: Clearable) => (clearing[key] ? { [key]: "" } : draft[key] ? { [key]: draft[key] } : {});
  const pace = draft.messagesPerSecond.trim();
  return {
    phoneNumberId: draft.phoneNumberId,
    apiBase: draft.apiBase,
    ...(pace === "" ? {} : { messagesPerSecond: Number(pace) }),
    ...(draft.accessToken ? { accessToken: draft.accessToken } : {}),
    ...secret("appSecret"),
    ...secret("verifyToken"),
  };
}
