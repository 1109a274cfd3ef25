"use client";

import { Search, X } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Select } from "@/components/ui/select";
import { runStatuses, type AutomationOption } from "./run-schemas";
import type { RunFilters } from "./use-run-filters";

type Props = {
  filters: RunFilters;
  automations: AutomationOption[];
  active: boolean;
  onChange: (changes: Partial<RunFilters>) => void;
};

const fieldClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs outline-none transition focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20";
const labelClass = "text-xs font-medium text-slate-500";

/** Automation, Status and Phone filters; the phone search waits for a pause in typing. */
export function RunsFilters({ filters, automations, active, onChange }: Props) {
  const [phone, setPhone] = useState(filters.phone);
  // What the URL said last render and what this input last sent to it: a URL change that is not
  // our own echo (back button, Clear filters) replaces the text; our echo must not, since the
  // person may have typed on meanwhile.
  const [seen, setSeen] = useState({ url: filters.phone, sent: filters.phone });
  if (filters.phone !== seen.url) {
    setSeen({ url: filters.phone, sent: seen.sent });
    if (filters.phone !== seen.sent) setPhone(filters.phone);
  }

  const sendPhone = useCallback(
    (value: string) => {
      setSeen((previous) => ({ ...previous, sent: value.trim() }));
      onChange({ phone: value });
    },
    [onChange],
  );

  useEffect(() => {
    if (phone.trim() === filters.phone) return;
    const timer = setTimeout(() => sendPhone(phone), 300);
    return () => clearTimeout(timer);
  }, [phone, filters.phone, sendPhone]);

  const knownAutomation = automations.some((automation) => automation.id === filters.automationId);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="runs-filter-automation" className={labelClass}>
          Automation
        </label>
        <Select
          id="runs-filter-automation"
          className="min-w-48"
          value={filters.automationId}
          onChange={(event) => onChange({ automationId: event.target.value })}
        >
          <option value="">All automations</option>
          {automations.map((automation) => (
            <option key={automation.id} value={automation.id}>
              {automation.name}
            </option>
          ))}
          {filters.automationId && !knownAutomation && <option value={filters.automationId}>{filters.automationId}</option>}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="runs-filter-status" className={labelClass}>
          Status
        </label>
        <Select id="runs-filter-status" className="min-w-36" value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">All statuses</option>
          {runStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="runs-filter-phone" className={labelClass}>
          Phone
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-slate-400" />
          <input
            id="runs-filter-phone"
            type="search"
            inputMode="tel"
            autoComplete="off"
            placeholder="+39 333…"
            className={`${fieldClass} w-48 pl-7`}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") sendPhone(phone);
            }}
          />
        </div>
      </div>
      {active && (
        <button
          type="button"
          onClick={() => onChange({ automationId: "", status: "", phone: "" })}
          className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm text-slate-600 transition hover:bg-slate-100 hover:text-slate-900"
        >
          <X aria-hidden className="size-3.5" />
          Clear filters
        </button>
      )}
    </div>
  );
}
