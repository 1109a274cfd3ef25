"use client";

import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Props = {
  /** Names the value ("Invitation link", "API key"), for the box and its Copy button. */
  label: string;
  value: string;
  children: ReactNode;
  onDone: () => void;
};

/** A secret shown once (a new key, a new link): the text, Copy, what to do with it, and "Done". */
export function CopyOnce({ label, value, children, onDone }: Props) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-lg border border-brand-100 bg-brand-50/60 p-3">
      <p className="flex items-center gap-1.5 text-sm font-medium text-slate-900">
        <KeyRound aria-hidden className="size-4 text-brand-600" />
        {label}
      </p>
      <div className="flex items-center gap-2">
        <code data-testid="shown-once" className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white px-3 py-2 font-mono text-xs break-all text-slate-800 select-all">
          {value}
        </code>
        <CopyButton value={value} label={label} failure={{ title: "Couldn't copy", description: "Select the text and copy it by hand." }} />
      </div>
      <div className="flex items-end justify-between gap-3">
        <p className="text-xs leading-relaxed text-slate-600">{children}</p>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
