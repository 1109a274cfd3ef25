import clsx from "clsx";
import { Timer } from "lucide-react";
import { timeLeft } from "./countdown";
import { formatClock, formatCountdown, formatDateTime } from "./format-time";
import { waitWords } from "./wait-words";
import { isFinished, type RunWithSteps } from "./run-schemas";

/** Where the run is now and, while it waits for a reply, how long until the timeout. */
export function CurrentStepCard({ run, now }: { run: RunWithSteps; now: number | null }) {
  const finished = isFinished(run.status);
  return (
    <section aria-labelledby="current-step-title" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="px-5 py-4">
        <h2 id="current-step-title" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          Current step
        </h2>
        <p data-testid="current-step" className="mt-1 text-lg font-semibold text-slate-900">
          {run.currentNodeLabel || (finished ? "Finished" : "—")}
        </p>
        {finished && (
          <p className="mt-0.5 text-sm text-slate-500">
            Run {run.status} at {formatDateTime(run.updatedAt)}
          </p>
        )}
      </div>
      {run.status === "waiting" && run.wait && <WaitCountdown run={run} wait={run.wait} now={now} />}
    </section>
  );
}

type Wait = NonNullable<RunWithSteps["wait"]>;

/** What the run waits for, in words: a reply, a delay, or the next try of a webhook ("retry 2 of 3 at 10:42"). */
const waitTitles = {
  reply: () => ({ title: "Customer Response: waiting for a reply", end: "without a reply the run takes the No response path." }),
  delay: () => ({ title: "Delay: waiting", end: "then the run goes on (a reply does not end a delay)." }),
  retry: (wait: Wait) => ({
    title: `Webhook: retry ${(wait.attempt ?? 2) - 1} of ${(wait.attempts ?? 2) - 1} at ${formatClock(wait.timeoutAt)}`,
    end: "the webhook is called again then, with the same Idempotency-Key.",
  }),
} satisfies Record<Wait["kind"], (wait: Wait) => { title: string; end: string }>;

function WaitCountdown({ run, wait, now }: { run: RunWithSteps; wait: Wait; now: number | null }) {
  const { timeoutAt } = wait;
  const words = waitTitles[wait.kind](wait);
  const left = now === null ? null : timeLeft(timeoutAt, now);
  const startedAt = waitStartedAt(run);
  const total = startedAt === null ? null : Date.parse(timeoutAt) - startedAt;
  const progress = left === null || !total || total <= 0 ? null : Math.min(1, Math.max(0, 1 - left / total));
  const urgent = left !== null && left <= 60_000;

  return (
    <div className="border-t border-amber-200/70 bg-amber-50/60 px-5 py-4">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-3">
        <p className="flex items-center gap-1.5 text-sm font-medium text-amber-900">
          <Timer aria-hidden className="size-4" />
          {words.title}
        </p>
        <p
          data-testid="wait-countdown"
          className={clsx("text-lg font-semibold whitespace-nowrap tabular-nums", urgent ? "text-red-600" : "text-amber-900")}
        >
          {left === null ? "…" : left > 0 ? `${waitWords[wait.kind].dueIn} ${formatCountdown(left)}` : waitWords[wait.kind].dueNow}
        </p>
      </div>
      {progress !== null && (
        <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-amber-200/60" aria-hidden>
          <div
            className={clsx("h-full rounded-full transition-[width] duration-1000 ease-linear", urgent ? "bg-red-500" : "bg-amber-500")}
            style={{ width: `${progress * 100}%` }}
          />
        </div>
      )}
      <p className="mt-2 text-xs text-amber-800/80">
        {waitWords[wait.kind].dueAt} <time dateTime={timeoutAt}>{formatDateTime(timeoutAt)}</time>; {words.end}
      </p>
    </div>
  );
}

/** When the current wait began: the latest entry into its node, which carries no outcome. */
function waitStartedAt(run: RunWithSteps): number | null {
  const nodeId = run.wait?.nodeId;
  const entry = run.steps.findLast((step) => step.nodeId === nodeId && !step.outcome);
  return entry ? Date.parse(entry.at) : null;
}
