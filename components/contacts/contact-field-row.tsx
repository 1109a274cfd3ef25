"use client";

import { LoaderCircle, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Contact } from "./contact-schemas";
import { IssueList } from "./issue-list";
import { useContactPatch } from "./use-contact-patch";

type Props = { phone: string; fieldKey: string; value: string; onSaved: (contact: Contact) => void };

/** One field: its key and value, with an inline edit and a remove. */
export function ContactFieldRow({ phone, fieldKey, value, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const { busy, issues, send, clearIssues } = useContactPatch(phone, onSaved);
  const inputId = `field-value-${fieldKey}`;

  async function save() {
    if (await send({ fields: { [fieldKey]: draft } }, `Field ${fieldKey} saved`, `Couldn't save field ${fieldKey}`)) setEditing(false);
  }

  return (
    <tr data-testid="field-row" data-key={fieldKey} className="align-top">
      <th scope="row" className="px-4 py-2.5 font-mono text-xs font-medium text-slate-700">
        {fieldKey}
      </th>
      <td className="px-4 py-2 text-slate-800">
        {editing ? (
          <form
            className="flex flex-wrap items-start gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <div className="min-w-48 flex-1">
              <Input
                id={inputId}
                aria-label={`Value of ${fieldKey}`}
                value={draft}
                autoFocus
                onChange={(event) => setDraft(event.target.value)}
                aria-invalid={issues.length > 0 || undefined}
              />
              <IssueList id={`${inputId}-issues`} issues={issues} />
            </div>
            <Button type="submit" size="sm" variant="primary" disabled={busy} aria-busy={busy || undefined}>
              {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
              Save
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => {
                setEditing(false);
                setDraft(value);
                clearIssues();
              }}
            >
              Cancel
            </Button>
          </form>
        ) : (
          <span className="break-words whitespace-pre-wrap" data-testid="field-value">
            {value}
          </span>
        )}
      </td>
      <td className="px-4 py-2 text-right whitespace-nowrap">
        {!editing && (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Edit field ${fieldKey}`}
              onClick={() => {
                setDraft(value);
                setEditing(true);
              }}
            >
              <Pencil aria-hidden className="size-3.5" />
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove field ${fieldKey}`}
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void send({ fields: { [fieldKey]: null } }, `Field ${fieldKey} removed`, `Couldn't remove field ${fieldKey}`)}
            >
              {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Trash2 aria-hidden className="size-3.5" />}
              Remove
            </Button>
          </>
        )}
      </td>
    </tr>
  );
}
