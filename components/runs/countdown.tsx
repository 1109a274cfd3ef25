import { Timer } from "lucide-react";
import clsx from "clsx";
import { formatCountdown, formatDateTime } from "./format-time";
import { waitWords, type WaitKind } from "./wait-words";

/** Milliseconds left until `timeoutAt` at server time `now`. */
export const timeLeft = (timeoutAt: string, now: number) => Date.parse(timeoutAt) - now;

/** "Times out in 4:32" for a waiting run ("Due in" for a delay); urgent in the last minute, "Timing out…" once due. */
export function Countdown({ timeoutAt, now, kind = "reply" }: { timeoutAt: string; now: number | null; kind?: WaitKind }) {
  const words = waitWords[kind];
  if (now === null) return <span className="text-slate-400">…</span>;
  const left = timeLeft(timeoutAt, now);
  const due = left <= 0;
  return (
    <span
      title={`${words.dueAt} ${formatDateTime(timeoutAt)}`}
      className={clsx(
        "inline-flex items-center gap-1 tabular-nums whitespace-nowrap",
        due ? "text-slate-500" : left <= 60_000 ? "font-medium text-red-600" : "text-amber-700",
      )}
    >
      <Timer aria-hidden className="size-3.5 shrink-0" />
      {due ? words.dueNow : `${words.dueIn} ${formatCountdown(left)}`}
    </span>
  );
}
