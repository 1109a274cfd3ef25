"use client";

import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { ApiError, errorMessage } from "@/components/runs/fetch-json";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SETTINGS_URL } from "./whatsapp-settings-schemas";

/** "Remove" behind a confirmation: the stored number and secrets go, runs send on the sandbox again. */
export function RemoveSettingsButton({ disabled, onRemoved }: { disabled: boolean; onRemoved: () => Promise<void> }) {
  async function remove(): Promise<boolean> {
    try {
      const response = await fetch(SETTINGS_URL, { method: "DELETE" });
      if (!response.ok) throw new ApiError(`Request failed (${response.status})`, response.status);
      await onRemoved();
      toast.success("WhatsApp settings removed", { description: "Runs send on the sandbox again." });
      return true;
    } catch (error) {
      toast.error("Couldn't remove the settings", { description: errorMessage(error) });
      return false;
    }
  }

  return (
    <ConfirmButton
      size="md"
      disabled={disabled}
      title="Remove the WhatsApp settings?"
      description="The phone number ID, the access token and the webhook secrets are erased. Runs send on the sandbox from their next message on (workers notice within a few seconds)."
      cancelText="Keep settings"
      confirmText="Remove settings"
      onConfirm={remove}
    >
      <Trash2 aria-hidden className="size-3.5" />
      Remove
    </ConfirmButton>
  );
}
