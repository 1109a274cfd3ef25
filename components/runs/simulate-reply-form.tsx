"use client";

import { FlaskConical, LoaderCircle, SendHorizontal } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage, postJson } from "./fetch-json";

type Props = { phone: string; contact: string; onSent: () => void };

/** Writes to the sandbox channel as if the contact had replied (demos, support, e2e tests). */
export function SimulateReplyForm({ phone, contact, onSent }: Props) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reply = text.trim();
    if (!reply || busy) return;
    setBusy(true);
    try {
      await postJson("/api/messages/inbound", { from: phone, text: reply }, z.unknown());
      setText("");
      toast.success("Reply sent", { description: `As ${contact} on the sandbox channel.` });
      onSent();
    } catch (error) {
      toast.error("Couldn't send the reply", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={send} className="border-t border-slate-200 bg-slate-50/70 px-4 py-3">
      <p className="mb-2 flex items-center gap-1.5 text-xs text-slate-500">
        <FlaskConical aria-hidden className="size-3.5" />
        Simulate a reply from {contact} (sandbox channel)
      </p>
      <div className="flex gap-2">
        <label htmlFor="simulate-reply-text" className="sr-only">
          Reply text
        </label>
        <input
          id="simulate-reply-text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Type what the contact says…"
          autoComplete="off"
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20"
        />
        <button
          type="submit"
          disabled={busy || text.trim() === ""}
          className="inline-flex h-9 items-center gap-1.5 rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-xs transition hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
        >
          {busy ? (
            <LoaderCircle aria-hidden className="size-4 animate-spin" />
          ) : (
            <SendHorizontal aria-hidden className="size-4" />
          )}
          Send reply
        </button>
      </div>
    </form>
  );
}
