"use client";

import { LogOut } from "lucide-react";
import { toast } from "sonner";
import { z } from "zod";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { errorMessage, postJson } from "@/components/runs/fetch-json";
import { contactApiUrl } from "./contact-schemas";

const resultSchema = z.object({ cancelled: z.number() });

/** "Exit all automations": cancels every active run of the contact, behind a confirmation naming the count. */
export function ExitAutomationsButton({ phone, label, activeRuns, onDone }: { phone: string; label: string; activeRuns: number; onDone: () => void }) {
  return (
    <ConfirmButton
      size="md"
      disabled={activeRuns === 0}
      title={`Take ${label} out of every automation?`}
      description={`Their ${activeRuns === 1 ? "active run is" : `${activeRuns} active runs are`} cancelled now: no more messages from them, and a reply or timeout arriving later is ignored.`}
      confirmText="Exit all automations"
      cancelText="Keep them"
      onConfirm={async () => {
        try {
          const { cancelled } = await postJson(`${contactApiUrl(phone)}/exit-automations`, {}, resultSchema);
          toast.success(`${cancelled} ${cancelled === 1 ? "run" : "runs"} cancelled`, { description: `${label} is out of every automation.` });
          return true;
        } catch (error) {
          toast.error("Couldn't exit the automations", { description: errorMessage(error) });
          return false;
        } finally {
          onDone();
        }
      }}
    >
      <LogOut aria-hidden className="size-4" />
      Exit all automations
    </ConfirmButton>
  );
}
