import type { ReactNode } from "react";
import { Label } from "./label";

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
};

/**
 * A label, a control and its hint or error. The control must use `id`, and should set
 * `aria-describedby={describedBy(id, ...)}` so the hint or error is read with it.
 */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <div id={`${id}-hint`} className="text-xs leading-relaxed text-slate-500">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export const describedBy = (id: string, { hint, error }: { hint?: unknown; error?: string }) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;
