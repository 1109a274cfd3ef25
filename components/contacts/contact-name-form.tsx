"use client";

import { LoaderCircle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { contactKey, type Contact } from "./contact-schemas";
import { IssueList } from "./issue-list";
import { useContactPatch } from "./use-contact-patch";

/** The contact's name, edited in place; an empty name clears it. */
export function ContactNameForm({ contact, onSaved }: { contact: Contact; onSaved: (contact: Contact) => void }) {
  const [name, setName] = useState(contact.name ?? "");
  const { busy, issues, send } = useContactPatch(contactKey(contact), (saved) => {
    setName(saved.name ?? "");
    onSaved(saved);
  });
  const unchanged = name.trim() === (contact.name ?? "");

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        void send({ name: trimmed === "" ? null : trimmed }, "Name saved", "Couldn't save the name");
      }}
    >
      <div className="min-w-64 flex-1 space-y-1.5">
        <Label htmlFor="contact-name">Name</Label>
        <Input
          id="contact-name"
          value={name}
          placeholder="No name"
          onChange={(event) => setName(event.target.value)}
          aria-invalid={issues.length > 0 || undefined}
          aria-describedby={issues.length > 0 ? "contact-name-issues" : undefined}
        />
        <IssueList id="contact-name-issues" issues={issues} />
      </div>
      <Button type="submit" variant="primary" disabled={busy || unchanged} aria-busy={busy || undefined}>
        {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
        Save
      </Button>
    </form>
  );
}
