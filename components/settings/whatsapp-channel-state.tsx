import { MessageSquareDashed, Smartphone } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/runs/format-time";
import type { WhatsappSettings } from "./whatsapp-settings-schemas";

/** Where runs send now, in words: the sandbox, or the Cloud API with its number and who configured it. */
export function WhatsappChannelState({ settings }: { settings: WhatsappSettings }) {
  const Icon = settings.channel === "whatsapp" ? Smartphone : MessageSquareDashed;
  return (
    <div className="flex items-start gap-3" data-testid="channel-state">
      <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <Icon aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 text-sm">
        {settings.channel === "sandbox" ? (
          <>
            <p className="font-medium text-slate-900">Sandbox: messages stay in Replyflow</p>
            <p className="mt-0.5 text-slate-500">Nothing reaches a phone; simulate replies on a run&apos;s page. Save a phone number ID and an access token to send on WhatsApp.</p>
          </>
        ) : (
          <>
            <p className="font-medium text-slate-900">
              WhatsApp Cloud API: phone number id <span className="tabular-nums">{settings.phoneNumberId}</span>,{" "}
              {settings.source === "environment" ? "configured by the environment" : "configured in Settings"}
            </p>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-500">
              <span>
                {settings.messagesPerSecond} messages per second via {settings.apiBase}
              </span>
              {settings.updatedAt && <span>· saved {formatDateTime(settings.updatedAt)}</span>}
              {!settings.secretsReadable && <Badge tone="danger">stored secrets unreadable</Badge>}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
