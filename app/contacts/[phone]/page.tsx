import type { Metadata } from "next";
import { ContactDetail } from "@/components/contacts/contact-detail";
import { USER_KEY_PREFIX } from "@/lib/contacts/contact-key";

export const metadata: Metadata = { title: "Contact · Replyflow" };

export default async function Page({ params }: { params: Promise<{ phone: string }> }) {
  const { phone } = await params;
  return <ContactDetail urlKey={contactKeyOfSegment(phone)} />;
}

/**
 * The segment names a contact: its phone (`+39…`), or its WhatsApp user id, as the API's key
 * `user:<id>` or bare (links built as `phone ?? waUserId`; a phone always starts with `+`).
 * Page params may arrive still encoded (`%2B39…`, `user%3A…`); no key contains `%`, so decoding is
 * safe for real keys, and a malformed segment is passed on as is (the API answers 400, not a crash).
 */
function contactKeyOfSegment(segment: string): string {
  let key: string;
  try {
    key = decodeURIComponent(segment);
  } catch {
    return segment;
  }
  return key.startsWith("+") || key.startsWith(USER_KEY_PREFIX) ? key : `${USER_KEY_PREFIX}${key}`;
}
