"use client";

import { LoaderCircle, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
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
import { apiKeysSchema, createdApiKeySchema, type ApiKeyRow } from "./account-schemas";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CopyOnce } from "./copy-once";
import { RoleOptions } from "./role-options";
import { ListNote, SettingsSection, tdClass, thClass } from "./settings-section";
import { useResource } from "./use-resource";

const API_KEYS_URL = "/api/api-keys";

/**
 * Keys for scripts and other systems (`Authorization: Bearer <key>`), each with a role. A new
 * key's text is shown once; revoked keys stay listed and never work again.
 */
export function ApiKeysSection() {
  const { data, error, reload } = useResource(API_KEYS_URL, apiKeysSchema);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  return (
    <SettingsSection
      id="api-keys"
      title="API keys"
      description={
        <>
          For scripts and other systems: send <code>Authorization: Bearer &lt;key&gt;</code>. A key acts with its role in this workspace.
        </>
      }
    >
      <div className="space-y-4 px-4 py-4">
        <CreateApiKeyForm
          onCreated={async (key) => {
            setCreated(key);
            await reload();
          }}
        />
        {created && (
          <CopyOnce label="API key" value={created.key} onDone={() => setCreated(null)}>
            Copy it now: it will not be shown again. Replyflow keeps only a fingerprint of &ldquo;{created.name}&rdquo;.
          </CopyOnce>
        )}
      </div>
      {data === null ? (
        error ? <ListNote tone="error">Couldn&apos;t load the API keys: {error}</ListNote> : <ListNote>Loading API keys…</ListNote>
      ) : data.apiKeys.length === 0 ? (
        <ListNote>No API keys yet.</ListNote>
      ) : (
        <div className="overflow-x-auto border-t border-slate-200">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className={thClass}>Name</th>
                <th scope="col" className={thClass}>Role</th>
                <th scope="col" className={thClass}>Key</th>
                <th scope="col" className={thClass}>Created</th>
                <th scope="col" className={thClass}>Last used</th>
                <th scope="col" className={thClass}>State</th>
                <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.apiKeys.map((apiKey) => (
                <ApiKeyRowView key={apiKey.id} apiKey={apiKey} onRevoked={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsSection>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (key: { name: string; key: string }) => Promise<void> }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNameError(undefined);
    try {
      const created = await requestJson(API_KEYS_URL, createdApiKeySchema, { method: "POST", body: { name: name.trim(), role } });
      setName("");
      await onCreated({ name: created.name, key: created.key });
    } catch (error) {
      const forName = error instanceof RequestError ? issueFor(error.issues, "name") : undefined;
      if (forName) setNameError(forName);
      else toast.error("Couldn't create the API key", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const hint = "Say what uses it, e.g. “Shop backend”.";
  return (
    <form onSubmit={(event) => void create(event)} aria-label="Create API key" className="flex flex-wrap items-start gap-3">
      <div className="min-w-56 flex-1">
        <Field id="api-key-name" label="Key name" hint={hint} error={nameError}>
          <Input
            id="api-key-name"
            autoComplete="off"
            required
            maxLength={80}
            value={name}
            disabled={busy}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy("api-key-name", { hint, error: nameError })}
          />
        </Field>
      </div>
      <div className="w-40">
        <Field id="api-key-role" label="Role">
          <Select id="api-key-role" value={role} disabled={busy} onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}>
            <RoleOptions />
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="primary" className="mt-6" disabled={busy || name.trim() === ""} aria-busy={busy || undefined}>
        {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Plus aria-hidden className="size-3.5" />}
        Create API key
      </Button>
    </form>
  );
}

function ApiKeyRowView({ apiKey, onRevoked }: { apiKey: ApiKeyRow; onRevoked: () => Promise<void> }) {
  const revoked = apiKey.revokedAt !== null;

  async function revoke(): Promise<boolean> {
    try {
      await requestJson(`${API_KEYS_URL}/${encodeURIComponent(apiKey.id)}`, null, { method: "DELETE" });
      toast.success("API key revoked", { description: `Requests with “${apiKey.name}” are refused from now on.` });
      await onRevoked();
      return true;
    } catch (error) {
      toast.error("Couldn't revoke the API key", { description: errorMessage(error) });
      return false;
    }
  }

  return (
    <tr data-testid="api-key-row" className={revoked ? "text-slate-400" : undefined}>
      <td className={`${tdClass} font-medium ${revoked ? "" : "text-slate-900"}`}>{apiKey.name}</td>
      <td className={tdClass}>{ROLE_NAMES[apiKey.role]}</td>
      <td className={`${tdClass} font-mono text-xs whitespace-nowrap`}>{apiKey.prefix}…</td>
      <td className={`${tdClass} whitespace-nowrap`} title={formatDateTime(apiKey.createdAt)}>
        {formatDate(apiKey.createdAt)}
      </td>
      <td className={`${tdClass} whitespace-nowrap`} title={apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : undefined}>
        {apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "never"}
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        {revoked ? (
          <Badge tone="danger" title={formatDateTime(apiKey.revokedAt!)}>
            Revoked {formatDate(apiKey.revokedAt!)}
          </Badge>
        ) : (
          <Badge tone="success">Active</Badge>
        )}
      </td>
      <td className={`${tdClass} text-right`}>
        {!revoked && (
          <ConfirmButton
            label={`Revoke ${apiKey.name}`}
            title={`Revoke “${apiKey.name}”?`}
            description="Every request carrying this key is refused (401) from now on. This can't be undone: make a new key if it is still needed."
            confirmText="Revoke key"
            cancelText="Keep key"
            onConfirm={revoke}
          >
            Revoke
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
