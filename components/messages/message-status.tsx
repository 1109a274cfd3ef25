import clsx from "clsx";
import { Check, CheckCheck, CircleAlert, Clock, type LucideIcon } from "lucide-react";
import type { MessageStatus as Status } from "./message-schema";
import { statusWords } from "./status-words";

type Props = { status: Status; error?: string | null; errorCode?: number | null; className?: string };

const ticks: Record<Exclude<Status, "failed">, { icon: LucideIcon; tone: string }> = {
  pending: { icon: Clock, tone: "text-slate-400" },
  sent: { icon: Check, tone: "text-slate-400" },
  delivered: { icon: CheckCheck, tone: "text-slate-400" },
  read: { icon: CheckCheck, tone: "text-[#53bdeb]" },
};

/**
 * An outbound message's delivery, WhatsApp style: a clock, one grey tick, two grey ticks, two
 * blue ticks; a failure says so in words (Meta's), with Meta's code in small print.
 */
export function MessageStatus({ status, error, errorCode, className }: Props) {
  const label = statusWords(status, error);
  if (status !== "failed") {
    const { icon: Icon, tone } = ticks[status];
    return (
      <span role="img" aria-label={label} title={label} data-testid="message-status" data-status={status} className={clsx("inline-flex shrink-0", tone, className)}>
        <Icon aria-hidden className="size-3.5" strokeWidth={2.25} />
      </span>
    );
  }
  return (
    <div data-testid="message-status" data-status="failed" className={clsx("flex items-start gap-1 text-xs text-red-700", className)}>
      <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0 text-red-600" />
      <div className="min-w-0">
        {/* One text run, so the visible words are also what a screen reader hears. */}
        <p className="break-words">{label}</p>
        {errorCode != null && <p className="text-[10px] text-red-600/70 tabular-nums">Meta error code {errorCode}</p>}
      </div>
    </div>
  );
}
