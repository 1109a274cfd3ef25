"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ApiError, errorMessage } from "@/components/runs/fetch-json";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { contactApiUrl } from "./contact-schemas";

type Props = { phone: string; label: string; activeRuns: number };

/** "Delete contact" behind a confirmation that says what goes with it; then back to the list. */
export function DeleteContactButton({ phone, label, activeRuns }: Props) {
  const router = useRouter();

  async function remove(): Promise<boolean> {
    try {
      const response = await fetch(contactApiUrl(phone), { method: "DELETE" });
      if (!response.ok && response.status !== 404) {
        const body: unknown = await response.json().catch(() => null);
        const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `Request failed (${response.status})`;
        throw new ApiError(message, response.status);
      }
      toast.success("Contact deleted", { description: `${label} and their history are gone.` });
      router.push("/contacts");
      return true;
    } catch (error) {
      toast.error("Couldn't delete the contact", { description: errorMessage(error) });
      return false;
    }
  }

  return (
    <ConfirmButton
      size="md"
      title="Delete this contact?"
      description={
        <>
          {activeRuns > 0
            ? `Their ${activeRuns === 1 ? "active run is" : `${activeRuns} active runs are`} cancelled first. `
            : "Any active runs are cancelled first. "}
          Then {label}, their messages and their run history are erased. This can&apos;t be undone.
        </>
      }
      cancelText="Keep contact"
      confirmText="Delete contact"
      onConfirm={remove}
    >
      <Trash2 aria-hidden className="size-3.5" />
      Delete contact
    </ConfirmButton>
  );
}
