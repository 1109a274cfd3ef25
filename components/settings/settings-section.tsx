import type { ReactNode } from "react";

type Props = { id: string; title: string; description?: ReactNode; children: ReactNode };

/** A titled card of the Settings page (a region named by its heading). */
export function SettingsSection({ id, title, description, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
      </div>
      {children}
    </section>
  );
}

/** The loading, error or empty line of a section's list. */
export function ListNote({ tone = "neutral", children }: { tone?: "neutral" | "error"; children: ReactNode }) {
  return (
    <p role={tone === "error" ? "alert" : undefined} className={`px-4 py-6 text-center text-sm ${tone === "error" ? "text-red-600" : "text-slate-400"}`}>
      {children}
    </p>
  );
}

export const thClass = "bg-slate-50/80 px-3 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase first:pl-4 last:pr-4";
export const tdClass = "px-3 py-2.5 align-middle first:pl-4 last:pr-4";
