import { contactKey, type Contact } from "./contact-schemas";
import { AddFieldForm } from "./add-field-form";
import { ContactFieldRow } from "./contact-field-row";

/** The contact's fields as a key/value table, each editable and removable, and the "Add field" form. */
export function ContactFields({ contact, onSaved }: { contact: Contact; onSaved: (contact: Contact) => void }) {
  const key = contactKey(contact);
  const entries = Object.entries(contact.fields).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="fields-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <h2 id="fields-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        Fields
      </h2>
      {entries.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">No fields yet. Automations can set them, or add one below.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Fields">
          <tbody className="divide-y divide-slate-100">
            {entries.map(([field, value]) => (
              // Keyed by value too, so an edit's draft starts again from the server's answer.
              <ContactFieldRow key={`${field}=${value}`} phone={key} fieldKey={field} value={value} onSaved={onSaved} />
            ))}
          </tbody>
        </table>
      )}
      <AddFieldForm phone={key} onSaved={onSaved} />
    </section>
  );
}
