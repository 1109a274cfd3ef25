"use client";

import { LoaderCircle, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Contact } from "./contact-schemas";
import { IssueList } from "./issue-list";
import { useContactPatch } from "./use-contact-patch";

/** "Add field": a key and a value; the server checks the key's shape and says why it refuses. */
export function AddFieldForm({ phone, onSaved }: { phone: string; onSaved: (contact: Contact) => void }) {
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const { busy, issues, send } = useContactPatch(phone, onSaved);
  const invalid = issues.length > 0 || undefined;

  return (
    <form
      aria-label="Add field"
      className="border-t border-slate-100 px-4 py-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const field = key.trim();
        if (await send({ fields: { [field]: value } }, `Field ${field} added`, "Couldn't add the field")) {
          setKey("");
          setValue("");
        }
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-48 space-y-1.5">
          <Label htmlFor="new-field-key">Field</Label>
          <Input
            id="new-field-key"
            value={key}
            placeholder="e.g. city"
            onChange={(event) => setKey(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? "new-field-issues" : undefined}
            required
          />
        </div>
        <div className="min-w-48 flex-1 space-y-1.5">
          <Label htmlFor="new-field-value">Value</Label>
          <Input id="new-field-value" value={value} onChange={(event) => setValue(event.target.value)} aria-invalid={invalid} />
        </div>
        <Button type="submit" disabled={busy || key.trim() === ""} aria-busy={busy || undefined}>
          {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Plus aria-hidden className="size-3.5" />}
          Add field
        </Button>
      </div>
      <IssueList id="new-field-issues" issues={issues} />
    </form>
  );
}
