"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ReportFilters } from "./use-report-filters";

type Props = {
  filters: ReportFilters;
  /** Published versions, newest first, and the one shown. */
  versions: number[];
  version: number | null;
  /** The period the server reported on (defaults filled in). */
  period: { from: string; to: string } | null;
  /** Today in UTC by the server's clock (presets end there); null until the first answer. */
  today: string | null;
  csvUrl: string;
  onChange: (changes: Partial<ReportFilters>) => void;
};

const PRESETS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Version, period (dates or a preset ending today, in UTC) and the CSV export of what is shown. */
export function ReportControls({ filters, versions, version, period, today, csvUrl, onChange }: Props) {
  const shownDays = period ? Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1 : null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="report-version" className="text-xs font-medium text-slate-500">
          Version
        </label>
        <Select
          id="report-version"
          className="min-w-40"
          value={filters.version || (version === null ? "" : String(version))}
          disabled={versions.length === 0}
          onChange={(event) => onChange({ version: event.target.value })}
        >
          {versions.length === 0 && <option value="">Not published</option>}
          {versions.map((v, i) => (
            <option key={v} value={String(v)}>
              Version {v}
              {i === 0 ? " (latest)" : ""}
            </option>
          ))}
        </Select>
      </div>
      <DateField id="report-from" label="From" value={filters.from || period?.from || ""} max={filters.to || period?.to} onChange={(from) => onChange({ from })} />
      <DateField id="report-to" label="To" value={filters.to || period?.to || ""} min={filters.from || period?.from} onChange={(to) => onChange({ to })} />
      <div role="group" aria-label="Period presets" className="flex gap-1">
        {PRESETS.map((days) => (
          <Button
            key={days}
            size="sm"
            variant="ghost"
            disabled={today === null}
            aria-pressed={period !== null && period.to === today && shownDays === days}
            className="aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
            onClick={() => today && onChange({ from: utcDay(Date.parse(today) - (days - 1) * DAY_MS), to: today })}
          >
            Last {days} days
          </Button>
        ))}
      </div>
      <a
        href={csvUrl}
        download
        className="ml-auto inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
      >
        <Download aria-hidden className="size-4" />
        Export CSV
      </a>
    </div>
  );
}

type DateFieldProps = { id: string; label: string; value: string; min?: string; max?: string; onChange: (value: string) => void };

function DateField({ id, label, value, min, max, onChange }: DateFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-500">
        {label} (UTC)
      </label>
      <Input id={id} type="date" className="w-40" value={value} min={min} max={max} onChange={(event) => event.target.value && onChange(event.target.value)} />
    </div>
  );
}
