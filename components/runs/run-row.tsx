"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { contactLabel } from "@/components/contacts/contact-schemas";
import { Countdown } from "./countdown";
import { RelativeTime } from "./relative-time";
import type { RunSummary } from "./run-schemas";
import { RunStatusBadge } from "./run-status-badge";

type Props = {
  run: RunSummary;
  now: number | null;
  /** With onToggle, the row starts with a checkbox (bulk selection). */
  selected?: boolean;
  onToggle?: () => void;
};

/** One run in the list; the whole row opens the run, the automation cell opens the automation. */
export function RunRow({ run, now, selected = false, onToggle }: Props) {
  const router = useRouter();
  const href = `/runs/${run.id}`;
  const number = contactLabel(run);

  return (
    <tr
      data-testid="run-row"
      data-run-id={run.id}
      onClick={(event) => {
        // Let links, the checkbox, text selection and modified clicks behave as usual.
        if (event.target instanceof Element && event.target.closest("a, input, label")) return;
        if (window.getSelection()?.toString()) return;
        if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
        else router.push(href);
      }}
      aria-selected={onToggle ? selected : undefined}
      className={`group cursor-pointer border-t border-slate-100 transition-colors hover:bg-slate-50 ${selected ? "bg-brand-50/50" : ""}`}
    >
      {onToggle && (
        <td className="w-10 p-0">
          {/* The whole cell ticks the box, so a near miss never opens the run instead. */}
          <label className="flex cursor-pointer items-center py-2.5 pr-1 pl-4">
            <input
              type="checkbox"
              aria-label={`Select run of ${run.contactName || number}`}
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={selected}
              onChange={onToggle}
            />
          </label>
        </td>
      )}
      <td className={`py-2.5 pr-3 ${onToggle ? "pl-3" : "pl-4"}`}>
        <Link href={href} className="block outline-none focus-visible:underline">
          <span className="block font-medium text-slate-900">{run.contactName || number}</span>
          {run.contactName && <span className="block text-xs text-slate-500 tabular-nums">{number}</span>}
        </Link>
      </td>
      <td className="px-3 py-2.5">
        <Link
          href={`/automations/${run.automationId}`}
          className="text-slate-700 decoration-slate-300 underline-offset-2 hover:text-slate-900 hover:underline"
        >
          {run.automationName || "Untitled automation"}
        </Link>
        <span className="ml-1.5 rounded bg-slate-100 px-1 py-px text-xs text-slate-500 tabular-nums">v{run.version}</span>
      </td>
      <td className="px-3 py-2.5">
        <RunStatusBadge status={run.status} />
      </td>
      <td className="max-w-56 px-3 py-2.5">
        <span className="block truncate text-slate-700">
          {run.currentNodeLabel || <span className="text-slate-400">—</span>}
        </span>
        {run.status === "failed" && run.failureReason && (
          <span className="block truncate text-xs text-red-600" title={run.failureReason}>
            {run.failureReason}
          </span>
        )}
      </td>
      <td className="px-3 py-2.5 text-sm">
        {run.status === "waiting" && run.wait ? (
          <Countdown timeoutAt={run.wait.timeoutAt} now={now} kind={run.wait.kind} />
        ) : (
          <span className="text-slate-300">—</span>
        )}
      </td>
      <td className="px-3 py-2.5 text-slate-500">
        <RelativeTime iso={run.createdAt} now={now} />
      </td>
      <td className="py-2.5 pr-4 pl-3 text-slate-500">
        <RelativeTime iso={run.updatedAt} now={now} />
      </td>
    </tr>
  );
}
