import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ReportsPage } from "@/components/reports/reports-page";
import { withPageAccess } from "@/lib/auth/page-access";
import { getAutomation } from "@/lib/automations/automations";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  try {
    return await withPageAccess(() => getAutomation(id));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Reports · ${(await load(id)).name} · Replyflow` };
}

export default async function AutomationReportsPage({ params }: Props) {
  const { id } = await params;
  const automation = await load(id);
  // The version and period live in the URL, read on the client: hence the boundary.
  return (
    <Suspense>
      <ReportsPage automationId={automation.id} name={automation.name} />
    </Suspense>
  );
}
