"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { joinIds } from "./described-by";
import { FieldError } from "./field-error";

/** "vip, lead , vip" → ["vip", "lead"]: trimmed, blanks dropped, repeats (ignoring case) once. */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => {
      const folded = tag.toLowerCase();
      if (tag === "" || seen.has(folded)) return false;
      seen.add(folded);
      return true;
    });
}

/**
 * Tags typed comma-separated. The text is kept as typed ("vip, " stays while typing the next
 * one); the list it means goes to `onChange`, or undefined when empty.
 */
export function TagListInput({
  id,
  label,
  tags,
  error,
  placeholder,
  onChange,
}: {
  id: string;
  label: string;
  tags: string[];
  error?: string;
  placeholder?: string;
  onChange: (tags: string[] | undefined) => void;
}) {
  const [text, setText] = useState(tags.join(", "));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          const next = parseTagList(event.target.value);
          onChange(next.length > 0 ? next : undefined);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={joinIds(error ? errorId : hintId)}
      />
      {error ? (
        <FieldError id={errorId} message={error} />
      ) : (
        <p id={hintId} className="text-xs text-slate-500">
          Separate tags with commas.
        </p>
      )}
      {tags.length > 0 ? (
        // A preview of what the text means; the input itself is what assistive technology reads.
        <ul aria-hidden className="flex flex-wrap gap-1">
          {tags.map((tag) => (
            <li key={tag} className="rounded-full bg-pink-50 px-2 py-0.5 text-xs font-medium text-pink-700 ring-1 ring-pink-200 ring-inset">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
