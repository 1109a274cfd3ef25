import type { Metadata } from "next";
import { Suspense } from "react";
import { InboxPage } from "@/components/inbox/inbox-page";

export const metadata: Metadata = { title: "Inbox · Replyflow" };

export default function Page() {
  // The inbox reads its tab, filter and selection from the URL on the client, hence the boundary.
  return (
    <Suspense>
      <InboxPage />
    </Suspense>
  );
}
