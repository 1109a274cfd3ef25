import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsPage } from "@/components/contacts/contacts-page";

export const metadata: Metadata = { title: "Contacts · Replyflow" };

export default function Page() {
  // The list reads its search and tag from the URL on the client, hence the boundary.
  return (
    <Suspense>
      <ContactsPage />
    </Suspense>
  );
}
