import Link from "next/link";
import { RelativeTime } from "@/components/runs/relative-time";
import { contactHref, contactKey, contactLabel, type Contact } from "./contact-schemas";
import { ContactTagList } from "./contact-tag-list";

/** The contacts list: each row names the contact and links to its page. */
export function ContactsTable({ contacts, now }: { contacts: Contact[]; now: number | null }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
        <tr>
          <th className="px-4 py-2">Name</th>
          <th className="px-4 py-2">Phone</th>
          <th className="px-4 py-2">Tags</th>
          <th className="px-4 py-2">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {contacts.map((contact) => (
          <tr key={contact.id} data-testid="contact-row" className="hover:bg-slate-50">
            <td className="px-4 py-2.5">
              <Link href={contactHref(contactKey(contact))} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {contact.name || <span className="text-slate-500 italic">No name</span>}
              </Link>
            </td>
            <td className={contact.phone ? "px-4 py-2.5 tabular-nums text-slate-600" : "px-4 py-2.5 text-slate-500"}>{contactLabel(contact)}</td>
            <td className="px-4 py-2.5">
              <ContactTagList tags={contact.tags} />
            </td>
            <td className="px-4 py-2.5 text-slate-500">
              <RelativeTime iso={contact.createdAt} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
