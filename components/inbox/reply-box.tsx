"use client";

import { SendHorizontal } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { postReply } from "./post-reply";

const MAX_TEXT = 4096;

/** Free text to the contact (inside the 24-hour window): Enter sends, Shift+Enter breaks the line. */
export function ReplyBox({ conversationId, onSent }: { conversationId: string; onSent: () => void }) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const trimmed = text.trim();

  async function send() {
    if (!trimmed || busy) return;
    setBusy(true);
    try {
      await postReply(conversationId, { text: trimmed });
      setText("");
      onSent();
    } catch (error) {
      toast.error("Couldn't send the reply", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="flex items-end gap-2 border-t border-slate-200 bg-white px-4 py-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor="inbox-reply" className="sr-only">
        Reply
      </label>
      <Textarea
        id="inbox-reply"
        value={text}
        maxLength={MAX_TEXT}
        placeholder="Write a reply…"
        className="min-h-10 flex-1 resize-none"
        rows={2}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <Button type="submit" variant="primary" disabled={!trimmed || busy} aria-busy={busy || undefined}>
        <SendHorizontal aria-hidden className="size-4" />
        Send
      </Button>
    </form>
  );
}
