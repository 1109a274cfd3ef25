import { ChevronRight, Workflow } from "lucide-react";
import Link from "next/link";
import { listAutomations } from "@/lib/automations/automations";
import { Badge } from "@/components/ui/badge";
import { NewAutomationButton } from "./new-automation-button";

export const dynamic = "force-dynamic";

const updatedFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AutomationsPage() {
  const automations = await listAutomations();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-5xl px-6 py-8">
      <div className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Automations</h1>
          <p className="mt-1 text-sm text-slate-500">WhatsApp journeys that message contacts and wait for their replies.</p>
        </div>
        {automations.length > 0 ? <NewAutomationButton /> : null}
      </div>

      {automations.length === 0 ? (
        <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <span className="grid size-12 place-items-center rounded-full bg-brand-50 text-brand-600">
            <Workflow aria-hidden className="size-6" />
          </span>
          <h2 className="mt-4 text-base font-semibold text-slate-900">No automations yet</h2>
          <p className="mt-1 max-w-sm text-sm text-slate-500">
            Draw your first flow: send a message, wait for the customer&apos;s response, and follow up on silence.
          </p>
          <div className="mt-6">
            <NewAutomationButton />
          </div>
        </div>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5">Name</th>
                <th scope="col" className="px-4 py-2.5">Status</th>
                <th scope="col" className="px-4 py-2.5">Updated (UTC)</th>
                <th scope="col" className="w-10 px-4 py-2.5">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {automations.map((automation) => (
                <tr key={automation.id} className="group relative hover:bg-slate-50">
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
                  <td className="px-4 py-3 text-slate-400 group-hover:text-slate-600">
                    <ChevronRight aria-hidden className="size-4" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      </div>
    </div>
  );
}
