"use client";

import clsx from "clsx";
import type { Message } from "@/components/messages/message-schema";
import { formatClock } from "@/components/runs/format-time";

type Props = { messages: Message[]; canTap: boolean; onTap: (button: { id: string; title: string }) => void };

/**
 * The conversation as the contact sees it on WhatsApp: the business on the left in white, the
 * contact on the right in green; quick-reply buttons as chips under their message. Only the
 * last message's chips can be tapped (WhatsApp's own rule for the buttons still on screen).
 */
export function ChatBubbles({ messages, canTap, onTap }: Props) {
  const lastOutbound = messages.findLast((m) => m.direction === "outbound");
  return (
    <ol aria-label="Test conversation" className="flex flex-col gap-2">
      {messages.map((message) => {
        const mine = message.direction === "inbound";
        const tappable = canTap && message === lastOutbound;
        return (
          <li key={message.id} data-testid="sim-message" data-direction={message.direction} className={clsx("flex flex-col", mine ? "items-end" : "items-start")}>
            <div className={clsx("max-w-[85%] rounded-lg px-3 py-1.5 text-sm shadow-sm", mine ? "rounded-tr-none bg-[#d9fdd3] text-slate-900" : "rounded-tl-none bg-white text-slate-900")}>
              <p className="break-words whitespace-pre-wrap">{message.template ? `Template ${message.template.name}` : message.text}</p>
              <p className="mt-0.5 text-right text-[10px] text-slate-500">
                <time dateTime={message.at}>{formatClock(message.at)}</time>
              </p>
            </div>
            {!mine && message.buttons?.length ? (
              <div className="mt-1 flex max-w-[85%] flex-wrap gap-1">
                {message.buttons.map((button) => (
                  <button
                    key={button.id}
                    type="button"
                    disabled={!tappable}
                    onClick={() => onTap(button)}
                    className="rounded-full bg-white px-3 py-1 text-xs font-medium text-sky-700 shadow-sm ring-1 ring-slate-200 hover:bg-sky-50 disabled:cursor-default disabled:text-slate-400 disabled:hover:bg-white"
                  >
                    {button.title}
                  </button>
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
