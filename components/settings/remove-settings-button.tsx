"use client";

import { LoaderCircle, Trash2 } from "lucide-react";
import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { SETTINGS_URL } from "./whatsapp-settings-schemas";

/** "Remove" behind a confirmation: the stored number and secrets go, runs send on the sandbox again. */
export function RemoveSettingsButton({ disabled, onRemoved }: { disabled: boolean; onRemoved: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    try {
      const response = await fetch(SETTINGS_URL, { method: "DELETE" });
      if (!response.ok) throw new ApiError(`Request failed (${response.status})`, response.status);
      await onRemoved();
      toast.success("WhatsApp settings removed", { description: "Runs send on the sandbox again." });
      setOpen(false);
    } catch (error) {
      toast.error("Couldn't remove the settings", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <Button variant="danger" disabled={disabled}>
          <Trash2 aria-hidden className="size-3.5" />
          Remove
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 backdrop-blur-[1px]" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">Remove the WhatsApp settings?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            The phone number ID, the access token and the webhook secrets are erased. Runs send on the sandbox from their next message on
            (workers notice within a few seconds).
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button size="sm" disabled={busy}>
                Keep settings
              </Button>
            </AlertDialog.Cancel>
            <button
              type="button"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void remove()}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-red-600 px-3 text-sm font-medium text-white shadow-xs transition hover:bg-red-700 focus-visible:ring-2 focus-visible:ring-red-500/40 focus-visible:outline-none disabled:opacity-60"
            >
              {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
              Remove settings
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
