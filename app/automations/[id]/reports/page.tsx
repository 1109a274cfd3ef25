import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsPage } from "@/components/reports/reports-page";
import { pageAutomation } from "@/lib/automations/page-automation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Reports · ${(await pageAutomation(id)).name} · Replyflow` };
}

export default async function AutomationReportsPage({ params }: Props) {
  const { id } = await params;
  const automation = await pageAutomation(id);
  // The version and period live in the URL, read on the client: hence the boundary.
  return (
    <Suspense>
      <ReportsPage automationId={automation.id} name={automation.name} />
    </Suspense>
  );
}
