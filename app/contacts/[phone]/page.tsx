import type { Metadata } from "next";
import { ContactDetail } from "@/components/contacts/contact-detail";

export const metadata: Metadata = { title: "Contact · Replyflow" };

export default async function Page({ params }: { params: Promise<{ phone: string }> }) {
  const { phone } = await params;
  // Page params may arrive still encoded (`%2B39…`); a phone never contains `%`, so decoding is safe.
  return <ContactDetail phone={decodeURIComponent(phone)} />;
}
