"use client";

import { LoaderCircle, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { contactApiUrl } from "./contact-schemas";

type Props = { phone: string; label: string; activeRuns: number };

/** "Delete contact" behind a confirmation that says what goes with it; then back to the list. */
export function DeleteContactButton({ phone, label, activeRuns }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function remove() {
    setBusy(true);
    try {
      const response = await fetch(contactApiUrl(phone), { method: "DELETE" });
      if (!response.ok && response.status !== 404) {
        const body: unknown = await response.json().catch(() => null);
        const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `Request failed (${response.status})`;
        throw new ApiError(message, response.status);
      }
      toast.success("Contact deleted", { description: `${label} and their history are gone.` });
      setOpen(false);
      router.push("/contacts");
    } catch (error) {
      toast.error("Couldn't delete the contact", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <Button variant="danger">
          <Trash2 aria-hidden className="size-3.5" />
          Delete contact
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 backdrop-blur-[1px]" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">Delete this contact?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {activeRuns > 0
              ? `Their ${activeRuns === 1 ? "active run is" : `${activeRuns} active runs are`} cancelled first. `
              : "Any active runs are cancelled first. "}
            Then {label}, their messages and their run history are erased. This can&apos;t be undone.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button size="sm" disabled={busy}>
                Keep contact
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
              Delete contact
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
