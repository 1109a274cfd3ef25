"use client";

import { TriangleAlert } from "lucide-react";
import { contactFieldKeys, FIELD_PREFIX } from "@/lib/flow/template";
import { useFieldKeys } from "./use-field-keys";

/** The contact field keys a text reads that no contact has, once the known keys have loaded. */
export function useUnknownFieldKeys(text: string): string[] {
  const fieldKeys = useFieldKeys();
  if (fieldKeys.status !== "ready") return [];
  return contactFieldKeys(text).filter((key) => !fieldKeys.value.known.has(key));
}

/**
 * Lint under a templated control: a field no contact has renders as its fallback (or nothing)
 * for everyone, which is usually a typo. A note, not an error: the key may be filled in later.
 * `id` is what the control's aria-describedby should name (see `unknownFieldNotesId`).
 */
export function UnknownFieldNotes({ id, keys }: { id: string; keys: string[] }) {
  if (keys.length === 0) return null;
  return (
    <div id={id} className="space-y-1">
      {keys.map((key) => (
        <p key={key} role="note" className="flex items-start gap-1.5 text-xs leading-snug text-amber-700">
          <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>
            No contact has the field <code className="font-mono">{`{{${FIELD_PREFIX}${key}}}`}</code> yet
          </span>
        </p>
      ))}
    </div>
  );
}

export const unknownFieldNotesId = (id: string) => `${id}-fields`;
