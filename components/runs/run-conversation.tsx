"use client";

import clsx from "clsx";
import { LayoutTemplate, MessagesSquare } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { deliveryStatus, type Message } from "@/components/messages/message-schema";
import { MessageStatus } from "@/components/messages/message-status";
import { formatDateTime, formatMessageTime } from "./format-time";

/** `runId` highlights that run's messages; null (a contact's page) links each message to its run. */
type Props = { messages: Message[] | null; error: string | null; runId: string | null; now: number | null };

/** The contact's WhatsApp thread: outbound on the right with their delivery ticks, inbound on the left, this run's messages highlighted. */
export function RunConversation({ messages, error, runId, now }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const count = messages?.length ?? 0;

  // Follow new messages while the reader is at the bottom; leave them alone when scrolled up.
  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [count]);

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
      }}
      className="h-[28rem] overflow-y-auto bg-[#efeae2]/60 px-4 py-4"
    >
      {messages === null ? (
        <p className={clsx("py-10 text-center text-sm", error ? "text-red-600" : "text-slate-400")}>
          {error ? `Couldn't load the conversation: ${error}` : "Loading conversation…"}
        </p>
      ) : messages.length === 0 ? (
        <div className="flex h-full flex-col items-center justify-center text-center text-sm text-slate-500">
          <MessagesSquare aria-hidden className="mb-2 size-6 text-slate-400" />
          No messages with this contact yet.
        </div>
      ) : (
        <ol className="flex flex-col gap-1.5" aria-label="Conversation">
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} runId={runId} now={now} />
          ))}
        </ol>
      )}
    </div>
  );
}

function MessageBubble({ message, runId, now }: { message: Message; runId: string | null; now: number | null }) {
  const outbound = message.direction === "outbound";
  const otherRun = runId !== null && message.runId != null && message.runId !== runId;
  const anyRun = runId === null && message.runId != null;
  const thisRun = runId !== null && message.runId === runId;
  const status = deliveryStatus(message);

  return (
    <li
      data-testid="message"
      data-direction={message.direction}
      data-this-run={thisRun || undefined}
      className={clsx("flex flex-col", outbound ? "items-end" : "items-start")}
    >
      <div
        className={clsx(
          "max-w-[80%] rounded-2xl px-3 py-1.5 text-sm shadow-xs",
          outbound ? "rounded-br-md" : "rounded-bl-md",
          outbound ? (otherRun ? "bg-emerald-50 text-slate-600" : "bg-[#d9fdd3] text-slate-900") : "bg-white text-slate-900",
          thisRun && "ring-1 ring-emerald-600/30",
          otherRun && "opacity-70",
          status === "failed" && "ring-1 ring-red-300",
        )}
      >
        {message.template && (
          <p className="mb-0.5 flex items-center gap-1 text-[11px] font-medium text-slate-500">
            <LayoutTemplate aria-hidden className="size-3" />
            {`Template ${message.template.name} (${message.template.language})`}
          </p>
        )}
        <p className="break-words whitespace-pre-wrap">{message.text}</p>
        {message.buttons?.length ? (
          <ul aria-label="Quick-reply buttons" className="mt-1.5 flex flex-wrap gap-1">
            {message.buttons.map((button) => (
              <li key={button.id} className="rounded-full border border-emerald-600/30 bg-white/70 px-2 py-0.5 text-xs text-emerald-800">
                {button.title}
              </li>
            ))}
          </ul>
        ) : null}
        {message.buttonId ? <p className="mt-0.5 text-[11px] text-slate-500">Pressed button {message.buttonId}</p> : null}
        <p className="mt-0.5 flex items-center justify-end gap-1.5 text-[11px] text-slate-500">
          {otherRun && message.runId && (
            <Link href={`/runs/${message.runId}`} className="underline decoration-slate-300 hover:text-slate-700">
              other run
            </Link>
          )}
          {anyRun && message.runId && (
            <Link href={`/runs/${message.runId}`} className="underline decoration-slate-300 hover:text-slate-700">
              run
            </Link>
          )}
          <time dateTime={message.at} title={formatDateTime(message.at)} className="tabular-nums">
            {now === null ? formatDateTime(message.at) : formatMessageTime(message.at, now)}
          </time>
          {status && status !== "failed" && <MessageStatus status={status} />}
        </p>
      </div>
      {/* A failure needs room for Meta's words: under the bubble, not squeezed into its corner. */}
      {status === "failed" && (
        <MessageStatus status={status} error={message.error} errorCode={message.errorCode} className="mt-1 max-w-[80%] justify-end text-right" />
      )}
    </li>
  );
}
