"use client";

import { LoaderCircle } from "lucide-react";
import { AlertDialog } from "radix-ui";
import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

type Props = {
  /** The button's text, and its accessible name when `label` is not given. */
  children: ReactNode;
  label?: string;
  title: string;
  description: ReactNode;
  confirmText: string;
  cancelText?: string;
  disabled?: boolean;
  size?: ButtonProps["size"];
  /** Resolves true when done (the dialog closes); false keeps it open (the caller said why). */
  onConfirm: () => Promise<boolean>;
};

/** A destructive button behind a confirmation dialog, busy while the action runs. */
export function ConfirmButton({ children, label, title, description, confirmText, cancelText = "Cancel", disabled, size = "sm", onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      if (await onConfirm()) setOpen(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <Button variant="danger" size={size} disabled={disabled} aria-label={label}>
          {children}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 backdrop-blur-[1px]" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button size="sm" disabled={busy}>
                {cancelText}
              </Button>
            </AlertDialog.Cancel>
            <button
              type="button"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void confirm()}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-red-600 px-3 text-sm font-medium text-white shadow-xs transition hover:bg-red-700 focus-visible:ring-2 focus-visible:ring-red-500/40 focus-visible:outline-none disabled:opacity-60"
            >
              {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
              {confirmText}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
