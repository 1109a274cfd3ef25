"use client";

import { LoaderCircle, Plus, X } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { contactKey, type Contact } from "./contact-schemas";
import { IssueList } from "./issue-list";
import { useContactPatch } from "./use-contact-patch";

/** The contact's tags as removable badges, and an "Add tag" box. */
export function ContactTags({ contact, onSaved }: { contact: Contact; onSaved: (contact: Contact) => void }) {
  const [tag, setTag] = useState("");
  const { busy, issues, send } = useContactPatch(contactKey(contact), onSaved);

  return (
    <section aria-labelledby="tags-heading" className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <h2 id="tags-heading" className="mb-2 text-sm font-semibold text-slate-900">
        Tags
      </h2>
      {contact.tags.length === 0 ? (
        <p className="text-sm text-slate-500">No tags.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {contact.tags.map((name) => (
            <li key={name}>
              <Badge className="pr-1">
                {name}
                <button
                  type="button"
                  aria-label={`Remove tag ${name}`}
                  disabled={busy}
                  onClick={() => void send({ removeTags: [name] }, `Tag ${name} removed`, `Couldn't remove tag ${name}`)}
                  className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800 disabled:opacity-50"
                >
                  <X aria-hidden className="size-3" />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-3 flex items-end gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const name = tag.trim();
          if (await send({ addTags: [name] }, `Tag ${name} added`, "Couldn't add the tag")) setTag("");
        }}
      >
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="add-tag">Add tag</Label>
          <Input
            id="add-tag"
            value={tag}
            placeholder="e.g. vip"
            onChange={(event) => setTag(event.target.value)}
            aria-invalid={issues.length > 0 || undefined}
            aria-describedby={issues.length > 0 ? "add-tag-issues" : undefined}
          />
        </div>
        <Button type="submit" disabled={busy || tag.trim() === ""} aria-busy={busy || undefined}>
          {busy ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Plus aria-hidden className="size-3.5" />}
          Add
        </Button>
      </form>
      <IssueList id="add-tag-issues" issues={issues} />
    </section>
  );
}
