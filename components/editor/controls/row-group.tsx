import { clsx } from "clsx";
import { Plus, Trash2 } from "lucide-react";
import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";

/**
 * One row of a list in an inspector (a rule, a route, a header): a group named like "Rule 2",
 * its controls, and a "Remove rule 2" button.
 */
export function RowGroup({ name, onRemove, children }: { name: string; onRemove: () => void; children: ReactNode }) {
  return (
    // The legend must be the fieldset's first child to name the group.
    <fieldset className="relative space-y-2 rounded-lg border border-slate-200 bg-slate-50/60 p-2.5">
      <legend className="float-left mb-0.5 text-xs font-semibold text-slate-500">{name}</legend>
      <RemoveButton name={`Remove ${name.charAt(0).toLowerCase()}${name.slice(1)}`} onClick={onRemove} className="absolute top-1.5 right-1.5" />
      <div className="clear-both space-y-2">{children}</div>
    </fieldset>
  );
}

/** "Add rule" and the like, disabled (with the reason) once the list is full. */
export function AddRowButton({ label, onAdd, full, fullHint }: { label: string; onAdd: () => void; full?: boolean; fullHint?: string }) {
  return (
    <Button size="sm" variant="secondary" onClick={onAdd} disabled={full} title={full ? fullHint : undefined}>
      <Plus aria-hidden className="size-3.5" /> {label}
    </Button>
  );
}

/** A titled block of an inspector (its heading names what the rows are). */
export function InspectorSection({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="space-y-2 border-t border-slate-100 pt-3">
      <div>
        <h3 id={headingId} className="text-sm font-medium text-slate-700">
          {title}
        </h3>
        {hint ? <p className="mt-0.5 text-xs leading-relaxed text-slate-500">{hint}</p> : null}
      </div>
      {children}
    </div>
  );
}

/**
 * A trash-can button named by hidden text rather than aria-label, so `getByLabel("Field")` in a
 * row finds the field, not "Remove response field 1".
 */
export function RemoveButton({ name, onClick, className }: { name: string; onClick: () => void; className?: string }) {
  return (
    <button
      type="button"
      title={name}
      onClick={onClick}
      className={clsx(
        "rounded p-1 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-500",
        className,
      )}
    >
      <Trash2 aria-hidden className="size-3.5" />
      <span className="sr-only">{name}</span>
    </button>
  );
}
