"use client";

import { Search, X } from "lucide-react";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Select } from "@/components/ui/select";
import type { VersionOption } from "./console/console-schemas";
import { runStatuses, type AutomationOption } from "./run-schemas";
import { noFilters, type RunFilters } from "./use-run-filters";

type Props = {
  filters: RunFilters;
  automations: AutomationOption[];
  /** The chosen automation's published versions, newest first, with their steps. */
  versions: VersionOption[];
  active: boolean;
  onChange: (changes: Partial<RunFilters>) => void;
};

const fieldClass =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs outline-none transition focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20";
const labelClass = "text-xs font-medium text-slate-500";

/** Automation, Version, Step, Status, Search and Started between; the search waits for a pause in typing. */
export function RunsFilters({ filters, automations, versions, active, onChange }: Props) {
  const knownAutomation = automations.some((automation) => automation.id === filters.automationId);
  const chosen = versions.find((v) => String(v.version) === filters.version);
  // Without a version, the steps of the newest one (a link may name a step alone).
  const steps = (chosen ?? versions[0])?.steps ?? [];
  const knownStep = steps.some((step) => step.nodeId === filters.nodeId);
  // Stable while the URL stands still, so the search's pause timer is not reset by re-renders.
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="runs-filter-automation" label="Automation">
        <Select
          id="runs-filter-automation"
          className="min-w-48"
          value={filters.automationId}
          // Versions and steps belong to one automation.
          onChange={(event) => onChange({ automationId: event.target.value, version: "", nodeId: "" })}
        >
          <option value="">All automations</option>
          {automations.map((automation) => (
            <option key={automation.id} value={automation.id}>
              {automation.name}
            </option>
          ))}
          {filters.automationId && !knownAutomation && <option value={filters.automationId}>{filters.automationId}</option>}
        </Select>
      </Field>
      <Field id="runs-filter-version" label="Version">
        <Select
          id="runs-filter-version"
          className="min-w-28"
          value={filters.version}
          disabled={!filters.automationId}
          onChange={(event) => onChange({ version: event.target.value })}
        >
          <option value="">All versions</option>
          {versions.map((v) => (
            <option key={v.version} value={String(v.version)}>
              v{v.version}
            </option>
          ))}
          {filters.version && !chosen && <option value={filters.version}>v{filters.version}</option>}
        </Select>
      </Field>
      <Field id="runs-filter-step" label="Step">
        <Select
          id="runs-filter-step"
          className="min-w-44"
          value={filters.nodeId}
          disabled={!filters.automationId && !filters.nodeId}
          onChange={(event) => onChange({ nodeId: event.target.value })}
        >
          <option value="">Any step</option>
          {steps.map((step) => (
            <option key={step.nodeId} value={step.nodeId}>
              {step.label}
            </option>
          ))}
          {filters.nodeId && !knownStep && <option value={filters.nodeId}>{filters.nodeId}</option>}
        </Select>
      </Field>
      <Field id="runs-filter-status" label="Status">
        <Select id="runs-filter-status" className="min-w-36" value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">All statuses</option>
          {runStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </Select>
      </Field>
      <SearchField value={filters.q} onChange={onSearch} />
      <Field id="runs-filter-started-from" label="Started from">
        <input
          id="runs-filter-started-from"
          type="date"
          className={fieldClass}
          value={filters.startedAfter}
          max={filters.startedBefore || undefined}
          onChange={(event) => onChange({ startedAfter: event.target.value })}
        />
      </Field>
      <Field id="runs-filter-started-to" label="Started to">
        <input
          id="runs-filter-started-to"
          type="date"
          className={fieldClass}
          value={filters.startedBefore}
          min={filters.startedAfter || undefined}
          onChange={(event) => onChange({ startedBefore: event.target.value })}
        />
      </Field>
      {active && (
        <button
          type="button"
          onClick={() => onChange(noFilters)}
          className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-slate-600 transition hover:bg-slate-100 hover:text-slate-900"
        >
          <X aria-hidden className="size-3.5" />
          Clear filters
        </button>
      )}
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** Phone or name; sent to the URL after a pause in typing (or at once on Enter). */
function SearchField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  // What the URL said last render and what this input last sent to it: a URL change that is not
  // our own echo (back button, Clear filters) replaces the text; our echo must not, since the
  // person may have typed on meanwhile.
  const [seen, setSeen] = useState({ url: value, sent: value });
  if (value !== seen.url) {
    setSeen({ url: value, sent: seen.sent });
    if (value !== seen.sent) setText(value);
  }

  const send = useCallback(
    (next: string) => {
      setSeen((previous) => ({ ...previous, sent: next.trim() }));
      onChange(next);
    },
    [onChange],
  );

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => send(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, send]);

  return (
    <Field id="runs-filter-search" label="Search">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-slate-400" />
        <input
          id="runs-filter-search"
          type="search"
          autoComplete="off"
          placeholder="Phone or name"
          maxLength={100}
          className={`${fieldClass} w-52 pl-7`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") send(text);
          }}
        />
      </div>
    </Field>
  );
}
