import { Workflow } from "lucide-react";
import { withPageAccess } from "@/lib/auth/page-access";
import { listAutomations } from "@/lib/automations/list-automations";
import { AutomationsTable } from "./automations-table";
import { NewAutomationButton } from "./new-automation-button";

export const dynamic = "force-dynamic";

export default async function AutomationsPage() {
  // The first page; the table loads the next ones on request.
  const { automations, nextCursor } = await withPageAccess(() => listAutomations());
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
        <AutomationsTable firstPage={automations} nextCursor={nextCursor} />
      )}
      </div>
    </div>
  );
}
