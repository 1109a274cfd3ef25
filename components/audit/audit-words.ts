import type { AuditAction } from "@/lib/auth/audit";

/** Every audited action in words: a new action fails to compile here until it has some. */
export const ACTION_WORDS: Record<AuditAction, string> = {
  "automation.publish": "Published automation",
  "run.cancel": "Cancelled run",
  "run.completeWait": "Ended a run's wait",
  "runs.bulk": "Bulk action on runs",
  "contact.exitAutomations": "Took a contact out of its automations",
  "conversation.reply": "Replied in a conversation",
  "conversation.assign": "Assigned a conversation",
  "conversation.close": "Closed a conversation",
  "member.role": "Changed a member's role",
  "member.remove": "Removed member",
  "invitation.create": "Created invitation",
  "invitation.revoke": "Revoked invitation",
  "invitation.accept": "Accepted invitation",
  "apiKey.create": "Created API key",
  "apiKey.revoke": "Revoked API key",
  "settings.whatsapp.save": "Saved WhatsApp settings",
  "settings.whatsapp.delete": "Removed WhatsApp settings",
  "workspace.create": "Created workspace",
};

/** An action's words, or its name when this page doesn't know it yet. */
export const actionWords = (action: string) => (ACTION_WORDS as Record<string, string | undefined>)[action] ?? action;

/** Who did it: a person's email, an API key's name, or the system. */
export function actorWords(type: string, label: string | null): string {
  if (type === "apiKey") return `API key “${label ?? "?"}”`;
  if (type === "system") return label ? `System (${label})` : "System";
  return label ?? "Someone";
}

export const TARGET_WORDS: Record<string, string> = {
  automation: "Automation",
  run: "Run",
  contact: "Contact",
  user: "Member",
  invitation: "Invitation",
  apiKey: "API key",
  workspace: "Workspace",
};

const KEY_WORDS: Record<string, string> = { role: "role", email: "email", name: "name", fields: "fields", version: "version", affected: "affected", outcome: "outcome" };

/**
 * The details in a line: "editor → admin" for a role change, otherwise "key: value" pairs
 * (lists joined, nested objects as JSON).
 */
export function detailWords(action: string, details: unknown): string {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return details === null || details === undefined ? "" : String(details);
  const record = details as Record<string, unknown>;
  if (action === "member.role" && typeof record.from === "string" && typeof record.to === "string") return `${record.from} → ${record.to}`;
  return Object.entries(record)
    .map(([key, value]) => `${KEY_WORDS[key] ?? key}: ${valueWords(value)}`)
    .join(" · ");
}

function valueWords(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueWords).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}
