"use client";

import { AlertDialog } from "radix-ui";
import { Ban, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, errorMessage, postJson } from "./fetch-json";
import { cancelResultSchema } from "./run-schemas";

type Props = { runId: string; contact: string; automation: string; onDone: () => void };

/** "Cancel run" behind a confirmation; a run that finished meanwhile answers 409, shown as info. */
export function CancelRunButton({ runId, contact, automation, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function cancel() {
    setBusy(true);
    try {
      await postJson(`/api/runs/${encodeURIComponent(runId)}/cancel`, {}, cancelResultSchema);
      toast.success("Run cancelled", { description: `${contact} left ${automation}.` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        toast.info("This run had already finished", { description: error.message });
      } else {
        toast.error("Couldn't cancel the run", { description: errorMessage(error) });
      }
    } finally {
      setBusy(false);
      setOpen(false);
      onDone();
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-xs transition hover:border-red-300 hover:bg-red-50 hover:text-red-700 focus-visible:ring-2 focus-visible:ring-red-500/30 focus-visible:outline-none"
        >
          <Ban aria-hidden className="size-3.5" />
          Cancel run
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 backdrop-blur-[1px]" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">Cancel this run?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {contact} leaves <span className="font-medium text-slate-800">{automation}</span> right away: no more
            messages are sent, and a reply or timeout arriving later is ignored. This can&apos;t be undone.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <button
                type="button"
                disabled={busy}
                className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-xs transition hover:bg-slate-50 disabled:opacity-50"
              >
                Keep running
              </button>
            </AlertDialog.Cancel>
            <button
              type="button"
              disabled={busy}
              onClick={cancel}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-red-600 px-3 text-sm font-medium text-white shadow-xs transition hover:bg-red-700 focus-visible:ring-2 focus-visible:ring-red-500/40 focus-visible:outline-none disabled:opacity-60"
            >
              {busy && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
              Cancel run
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
