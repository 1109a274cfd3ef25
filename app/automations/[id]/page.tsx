import type { Metadata } from "next";
import { pageAutomation } from "@/lib/automations/page-automation";
import { AutomationEditor } from "@/components/editor/automation-editor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await pageAutomation(id)).name} · Replyflow` };
}

export default async function AutomationEditorPage({ params }: Props) {
  const { id } = await params;
  return <AutomationEditor automation={await pageAutomation(id)} />;
}
