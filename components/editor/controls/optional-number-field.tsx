"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "./field-error";
import { numberFromText, textFromNumber } from "./number-text";

/** A whole number typed as text; empty leaves it out of the data, so the default applies. */
export function OptionalNumberField(props: {
  id: string;
  label: string;
  hint: string;
  stored: unknown;
  error?: string;
  onChange: (value: number | null | undefined) => void;
}) {
  const { id, label, hint, stored, error, onChange } = props;
  const [text, setText] = useState(textFromNumber(stored));
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value.trim() === "" ? undefined : numberFromText(event.target.value));
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <FieldError id={`${id}-error`} message={error} />
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
