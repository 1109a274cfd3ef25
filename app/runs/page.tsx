import type { Metadata } from "next";
import { Suspense } from "react";
import { RunsPage } from "@/components/runs/runs-page";

export const metadata: Metadata = { title: "Runs · Replyflow" };

export default function Page() {
  // The list reads its filters from the URL on the client, hence the boundary.
  return (
    <Suspense>
      <RunsPage />
    </Suspense>
  );
}
