"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { z } from "zod";
import { isAuthPage } from "@/components/account/auth-pages";
import { fetchJson } from "@/components/runs/fetch-json";
import { usePolling } from "@/components/runs/use-polling";

const unreadSchema = z.object({ unreadOpen: z.number() });
/** Without the live stream, the badge is refreshed this seldom: it is a hint, the inbox is exact. */
const POLL_MS = 30_000;

/** The main nav's "Inbox", with the number of open conversations the contact wrote in unread. */
export function InboxNavLink() {
  const pathname = usePathname();
  return (
    <Link href="/inbox" className="inline-flex items-center gap-1.5 hover:text-slate-900">
      Inbox
      {!isAuthPage(pathname) && <UnreadBadge />}
    </Link>
  );
}

function UnreadBadge() {
  const { data } = usePolling("inbox-unread", (signal) => fetchJson("/api/conversations?limit=1", unreadSchema, { signal }), {
    intervalMs: POLL_MS,
    live: { topic: "conversations" },
  });
  const count = data?.unreadOpen ?? 0;
  if (count === 0) return null;
  return (
    <span data-testid="inbox-unread" aria-label={`${count} unread`} className="rounded-full bg-brand-600 px-1.5 text-[11px] leading-4 font-semibold text-white tabular-nums">
      {count > 99 ? "99+" : count}
    </span>
  );
}
