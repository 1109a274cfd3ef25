"use client";

import { Search, Tag } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ContactFilters } from "./use-contact-filters";

type Props = { draft: ContactFilters; onChange: (draft: ContactFilters) => void };

/** The search and tag boxes (their text reaches the URL debounced, see useDraftFilters). */
export function ContactsFilters({ draft, onChange }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1 space-y-1.5">
        <Label htmlFor="contacts-search">Search contacts</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
          <Input
            id="contacts-search"
            type="search"
            value={draft.search}
            onChange={(event) => onChange({ ...draft, search: event.target.value })}
            placeholder="Name or phone"
            className="pl-8"
          />
        </div>
      </div>
      <div className="w-48 space-y-1.5">
        <Label htmlFor="contacts-tag">Tag</Label>
        <div className="relative">
          <Tag aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
          <Input
            id="contacts-tag"
            value={draft.tag}
            onChange={(event) => onChange({ ...draft, tag: event.target.value })}
            placeholder="Any tag"
            className="pl-8"
          />
        </div>
      </div>
    </div>
  );
}
