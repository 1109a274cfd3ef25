"use client";

import { UserRoundCheck, UserRoundX } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage, postJson } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { contactTitle, type ConversationDetail } from "./inbox-schemas";

type Props = { conversation: ConversationDetail; meId: string | null; onDone: () => void };

const url = (id: string, action: string) => `/api/conversations/${encodeURIComponent(id)}/${action}`;

/** Assign to me / Unassign, and Close behind a confirmation (a closed conversation stays as history). */
export function ConversationActions({ conversation, meId, onDone }: Props) {
  const [busy, setBusy] = useState(false);
  const mine = meId !== null && conversation.assignee?.id === meId;

  async function assign(assigneeId: "me" | null) {
    setBusy(true);
    try {
      await postJson(url(conversation.id, "assign"), { assigneeId }, z.unknown());
    } catch (error) {
      toast.error("Couldn't change the assignee", { description: errorMessage(error) });
    } finally {
      setBusy(false);
      onDone();
    }
  }

  async function close(): Promise<boolean> {
    try {
      await postJson(url(conversation.id, "close"), {}, z.unknown());
      toast.success("Conversation closed");
      return true;
    } catch (error) {
      toast.error("Couldn't close the conversation", { description: errorMessage(error) });
      return false;
    } finally {
      onDone();
    }
  }

  if (conversation.status !== "open") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!mine && (
        <Button size="sm" disabled={busy || meId === null} onClick={() => void assign("me")} title={meId === null ? "Only a signed-in user can be assigned" : undefined}>
          <UserRoundCheck aria-hidden className="size-3.5" />
          Assign to me
        </Button>
      )}
      {conversation.assignee && (
        <Button size="sm" disabled={busy} onClick={() => void assign(null)}>
          <UserRoundX aria-hidden className="size-3.5" />
          Unassign
        </Button>
      )}
      <ConfirmButton
        title="Close this conversation?"
        description={`It leaves the open inbox. If ${contactTitle(conversation.contact)} is handed over again, a new conversation opens.`}
        confirmText="Close"
        onConfirm={close}
      >
        Close
      </ConfirmButton>
    </div>
  );
}
