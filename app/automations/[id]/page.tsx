import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withPageAccess } from "@/lib/auth/page-access";
import { getAutomation } from "@/lib/automations/automations";
import { AppError } from "@/lib/errors";
import { AutomationEditor } from "@/components/editor/automation-editor";

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
  return { title: `${(await load(id)).name} · Replyflow` };
}

export default async function AutomationEditorPage({ params }: Props) {
  const { id } = await params;
  return <AutomationEditor automation={await load(id)} />;
}
