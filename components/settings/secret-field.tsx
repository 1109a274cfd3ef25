"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A value is stored: empty keeps it, unless `clearing`. */
  stored: boolean;
  /** Placeholder while something is stored. */
  storedText?: string;
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  /** Offers "Clear" for a stored optional secret; `clearing` says it goes on save. */
  clearing?: boolean;
  onClearingChange?: (clearing: boolean) => void;
};

/** A write-only secret: a password input that never shows the stored value, only that there is one. */
export function SecretField({ id, label, value, onChange, stored, storedText = "stored: leave empty to keep it", placeholder, hint, error, clearing, onClearingChange }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="flex gap-2">
        <Input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={clearing}
          placeholder={clearing ? "removed on save" : stored ? storedText : placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
        />
        {stored && onClearingChange && (
          <Button size="md" variant="ghost" aria-pressed={clearing} aria-label={clearing ? `Keep the stored ${label.toLowerCase()}` : `Clear the stored ${label.toLowerCase()}`} onClick={() => onClearingChange(!clearing)}>
            {clearing ? "Keep" : "Clear"}
          </Button>
        )}
      </div>
    </Field>
  );
}
