"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { errorMessage, fetchJson } from "@/components/runs/fetch-json";
import { LoadMoreFooter } from "@/components/runs/load-more-footer";

const automationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  publishedVersion: z.number().nullable(),
  updatedAt: z.string(),
});
type AutomationSummary = z.infer<typeof automationSummarySchema>;

const pageSchema = z.object({ automations: z.array(automationSummarySchema), nextCursor: z.string().nullable() });

const updatedFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type Props = { firstPage: AutomationSummary[]; nextCursor: string | null };

/** The automations, most recently edited first: the server renders the first page, "Load more" appends the next. */
export function AutomationsTable({ firstPage, nextCursor: firstCursor }: Props) {
  const [automations, setAutomations] = useState(firstPage);
  const [nextCursor, setNextCursor] = useState(firstCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadMore = async () => {
    if (!nextCursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchJson(`/api/automations?cursor=${encodeURIComponent(nextCursor)}`, pageSchema);
      // One edited meanwhile moved to the top; it is already on screen (with its older time).
      setAutomations((shown) => [...shown, ...page.automations.filter((a) => !shown.some((s) => s.id === a.id))]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5">Name</th>
            <th scope="col" className="px-4 py-2.5">Status</th>
            <th scope="col" className="px-4 py-2.5">Updated (UTC)</th>
            <th scope="col" className="px-4 py-2.5">
              <span className="sr-only">Reports</span>
            </th>
            <th scope="col" className="w-10 px-4 py-2.5">
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {automations.map((automation) => (
            <AutomationRow key={automation.id} automation={automation} />
          ))}
        </tbody>
      </table>
      {/* A single page needs no footer; once more were loaded, say where the list ends. */}
      {(firstCursor !== null || automations.length > firstPage.length) && (
        <LoadMoreFooter
          hasMore={nextCursor !== null}
          loading={loading}
          error={error}
          onLoadMore={() => void loadMore()}
          endText={`No more automations: all ${automations.length} are shown.`}
        />
      )}
    </div>
  );
}

function AutomationRow({ automation }: { automation: AutomationSummary }) {
  return (
    <tr data-testid="automation-row" className="group relative hover:bg-slate-50">
      <td className="px-4 py-3 font-medium text-slate-900">
        <Link href={`/automations/${automation.id}`} className="after:absolute after:inset-0 hover:text-brand-700">
          {automation.name}
        </Link>
      </td>
      <td className="px-4 py-3">
        {automation.publishedVersion === null ? (
          <Badge>Draft</Badge>
        ) : (
          <Badge tone="success">Published v{automation.publishedVersion}</Badge>
        )}
      </td>
      <td className="px-4 py-3 text-slate-500">
        <time dateTime={automation.updatedAt}>{updatedFormat.format(new Date(automation.updatedAt))}</time>
      </td>
      <td className="px-4 py-3">
        {/* Above the row's stretched link, so it is a click of its own. */}
        <Link href={`/automations/${automation.id}/reports`} className="relative z-10 font-medium text-brand-700 hover:underline">
          Reports
        </Link>
      </td>
      <td className="px-4 py-3 text-slate-400 group-hover:text-slate-600">
        <ChevronRight aria-hidden className="size-4" />
      </td>
    </tr>
  );
}
