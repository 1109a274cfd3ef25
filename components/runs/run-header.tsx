import Link from "next/link";
import { contactLabel } from "@/components/contacts/contact-schemas";
import { CancelRunButton } from "./cancel-run-button";
import { RelativeTime } from "./relative-time";
import { isFinished, type RunWithSteps } from "./run-schemas";
import { RunStatusBadge } from "./run-status-badge";
import { WaitActions } from "./wait-actions";

type Props = { run: RunWithSteps; now: number | null; onChanged: () => void };

/** Contact, status, automation and version, with the Cancel action while the run is live. */
export function RunHeader({ run, now, onChanged }: Props) {
  const number = contactLabel(run);
  const contact = run.contactName || number;
  const automation = run.automationName || "Untitled automation";

  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900">{contact}</h1>
          <RunStatusBadge status={run.status} size="md" />
        </div>
        <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-500">
          {run.contactName && (
            <>
              <span className="tabular-nums">{number}</span>
              <Dot />
            </>
          )}
          <span>
            <Link
              href={`/automations/${run.automationId}`}
              className="font-medium text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline"
            >
              {automation}
            </Link>
            <span className="ml-1.5 rounded bg-slate-100 px-1 py-px text-xs text-slate-500 tabular-nums">v{run.version}</span>
          </span>
          <Dot />
          <span>
            Started <RelativeTime iso={run.createdAt} now={now} />
          </span>
          <Dot />
          <span>
            Updated <RelativeTime iso={run.updatedAt} now={now} />
          </span>
          <Dot />
          <span title={run.id} className="font-mono text-xs text-slate-400">
            Run {run.id.slice(0, 8)}
          </span>
        </p>
      </div>
      {!isFinished(run.status) && (
        <div className="flex flex-wrap items-center gap-2">
          <WaitActions run={run} onDone={onChanged} />
          <CancelRunButton runId={run.id} contact={contact} automation={automation} onDone={onChanged} />
        </div>
      )}
    </header>
  );
}

const Dot = () => (
  <span aria-hidden className="text-slate-300">
    ·
  </span>
);
