"use client";

import { BarChart3 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useStats } from "./stats-context";

/** The toolbar's "Stats" switch and, while on, which published version the overlay shows. */
export function StatsToggle() {
  const on = useStats((s) => s.on);
  const toggle = useStats((s) => s.toggle);
  return (
    <div className="flex items-center gap-2">
      <Button aria-pressed={on} onClick={toggle} className={on ? "border-brand-500 bg-brand-50 text-brand-700 hover:bg-brand-100" : undefined}>
        <BarChart3 aria-hidden className="size-4" />
        Stats
      </Button>
      {on ? <VersionPicker /> : null}
    </div>
  );
}

function VersionPicker() {
  const id = useId();
  const unpublished = useStats((s) => s.problem?.kind === "unpublished");
  const versions = useStats((s) => s.stats?.versions);
  const shown = useStats((s) => s.stats?.version ?? null);
  const chosen = useStats((s) => s.chosenVersion);
  const chooseVersion = useStats((s) => s.chooseVersion);

  if (unpublished) return <span className="text-xs text-slate-500">Publish to see stats</span>;
  // Until the first answer names the versions, the one asked for (or "latest") stands alone.
  const options = versions && versions.length > 0 ? versions : chosen !== null ? [chosen] : shown !== null ? [shown] : [];
  const latest = versions?.[0];
  const value = chosen ?? latest ?? shown;
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-500">
        Version
      </label>
      <Select
        id={id}
        className="w-40"
        value={value === null || value === undefined ? "" : String(value)}
        disabled={options.length === 0}
        onChange={(event) => {
          const version = Number(event.target.value);
          // The newest version is "follow the latest": publishing again moves the overlay along.
          chooseVersion(version === latest ? null : version);
        }}
      >
        {options.length === 0 ? <option value="">Loading…</option> : null}
        {options.map((version) => (
          <option key={version} value={version}>
            {`Version ${version}${version === latest ? " (latest)" : ""}`}
          </option>
        ))}
      </Select>
    </div>
  );
}
