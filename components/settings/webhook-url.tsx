"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const WEBHOOK_PATH = "/api/webhooks/whatsapp";
const noSubscription = () => () => {};

/** The callback URL to paste into Meta's webhook configuration: this page's origin, as the browser sees it. */
export function WebhookUrl({ verifyTokenSet }: { verifyTokenSet: boolean }) {
  // The origin exists only in the browser: null while rendering on the server, then filled in.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => null);
  const url = `${origin ?? ""}${WEBHOOK_PATH}`;

  return (
    <div className="space-y-1.5">
      <p id="webhook-url-label" className="text-sm font-medium text-slate-700">
        Webhook URL
      </p>
      <div className="flex items-center gap-2">
        <code aria-labelledby="webhook-url-label" data-testid="webhook-url" className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800">
          {url}
        </code>
        <CopyButton value={url} label="webhook URL" failure={{ title: "Couldn't copy the URL", description: "Select it and copy it by hand." }} />
      </div>
      <p className="text-xs leading-relaxed text-slate-500">
        Paste it as the callback URL in your Meta app (WhatsApp › Configuration), with {verifyTokenSet ? "the verify token saved below" : "a verify token you also save below"}, and
        subscribe to the <code>messages</code> field. {reachability(origin)}
      </p>
    </div>
  );
}

/** What stands between Meta and this origin, if anything. */
function reachability(origin: string | null): string {
  if (origin === null) return "";
  if (/^https?:\/\/(localhost|127\.|\[::1\])/.test(origin)) return "Meta cannot reach localhost: expose Replyflow over HTTPS first (docs/whatsapp.md).";
  return origin.startsWith("http:") ? "Meta only calls HTTPS URLs: serve Replyflow over HTTPS (docs/whatsapp.md)." : "";
}
