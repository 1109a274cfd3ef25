import type { ReactNode } from "react";

type Props = {
  id: string;
  title: string;
  /** One line under the heading: what the numbers count, and over what time. */
  description?: ReactNode;
  /** The chart, drawn for the eye (hidden from screen readers: the table says the same). */
  chart: ReactNode;
  /** The chart's numbers as a table, behind a toggle. */
  table: ReactNode;
  /** Said instead of the chart when there is nothing to draw. */
  empty?: string | null;
  level?: 2 | 3;
};

/** A chart under its heading, with a "Show the numbers" toggle revealing the same data as a table. */
export function ChartSection({ id, title, description, chart, table, empty, level = 2 }: Props) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <Heading id={id} className={level === 2 ? "text-base font-semibold text-slate-900" : "text-sm font-semibold text-slate-800"}>
          {title}
        </Heading>
        {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
      </div>
      {empty ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <div aria-hidden>{chart}</div>
      )}
      <details className="group text-sm">
        <summary className="cursor-pointer text-xs font-medium text-brand-700 select-none hover:underline">
          <span className="group-open:hidden">Show the numbers</span>
          <span className="hidden group-open:inline">Hide the numbers</span>
          <span className="sr-only"> of {title}</span>
        </summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}
