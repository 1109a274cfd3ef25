"use client";

import { clsx } from "clsx";
import { type ReactNode, useRef } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { joinIds } from "../controls/described-by";
import type { TextControl } from "./insert-at-caret";
import { InsertFieldMenu } from "./insert-field-menu";
import { UnknownFieldNotes, unknownFieldNotesId, useUnknownFieldKeys } from "./unknown-field-notes";

type TemplatedTextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (next: string) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  /** Smaller label, for rows of a list. */
  compact?: boolean;
  className?: string;
  /** Text under the control, after the hint (a character count). */
  footer?: ReactNode;
};

/**
 * A text control that takes dynamic fields: its label, an "Insert field" menu that types a field
 * at the caret, the error or hint, and a note for each contact field no contact has. (Nothing
 * else carries the label's text: `getByLabel("Message text")` must find the control alone.)
 */
export function TemplatedTextField(props: TemplatedTextFieldProps) {
  const { id, label, value, onChange, error, hint, multiline, rows, placeholder, maxLength, compact, className, footer } = props;
  const control = useRef<TextControl | null>(null);
  const setControl = (element: TextControl | null) => {
    control.current = element;
  };
  const unknownKeys = useUnknownFieldKeys(value);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const notesId = unknownFieldNotesId(id);
  const describedBy = joinIds(error ? errorId : hint ? hintId : null, unknownKeys.length > 0 && notesId);
  const common = {
    id,
    value,
    placeholder,
    maxLength,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };

  return (
    <div className={clsx("space-y-1.5", className)}>
      <div className="flex items-end justify-between gap-2">
        <Label htmlFor={id} className={compact ? "text-xs" : undefined}>
          {label}
        </Label>
        <InsertFieldMenu target={control} value={value} onChange={onChange} />
      </div>
      {multiline ? (
        <Textarea ref={setControl} rows={rows ?? 4} {...common} />
      ) : (
        <Input ref={setControl} {...common} className={compact ? "h-8 text-xs" : undefined} />
      )}
      {error ? (
        <p id={errorId} className="text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <div id={hintId} className="text-xs leading-relaxed text-slate-500">
          {hint}
        </div>
      ) : null}
      {footer}
      <UnknownFieldNotes id={notesId} keys={unknownKeys} />
    </div>
  );
}
