"use client";

import { ArrowLeft, CloudOff, UserX } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/runs/relative-time";
import { StateMessage } from "@/components/runs/state-message";
import { useServerNow } from "@/components/runs/use-server-now";
import { ContactActiveRuns } from "./contact-active-runs";
import { ContactConversation } from "./contact-conversation";
import { contactKey, contactKeyLabel, contactLabel } from "./contact-schemas";
import { ContactFields } from "./contact-fields";
import { ContactNameForm } from "./contact-name-form";
import { ContactTags } from "./contact-tags";
import { DeleteContactButton } from "./delete-contact-button";
import { ExitAutomationsButton } from "./exit-automations-button";
import { useContact } from "./use-contact";

/**
 * One contact: name, fields and tags editable in place, active runs, the conversation, delete.
 * `urlKey` is the key the page was opened by: the phone, or `user:<WhatsApp user id>`.
 */
export function ContactDetail({ urlKey }: { urlKey: string }) {
  const { contact, error, notFound, accept, reload } = useContact(urlKey);
  const now = useServerNow(0, 30_000);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-5xl px-6 py-6">
        <Link href="/contacts" className="mb-4 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ArrowLeft aria-hidden className="size-3.5" />
          Contacts
        </Link>
        {contact === null ? (
          error ? (
            <StateMessage icon={notFound ? UserX : CloudOff} title={notFound ? "No such contact" : "Couldn't load the contact"} tone={notFound ? "neutral" : "error"}>
              {notFound ? `${notFoundWho(urlKey)} is stored. They may have been deleted.` : `${error}. Reload the page to try again.`}
            </StateMessage>
          ) : (
            <p className="py-10 text-center text-sm text-slate-400">Loading contact…</p>
          )
        ) : (
          <div className="space-y-5">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h1 className="text-xl font-semibold tracking-tight text-slate-900">{contact.name || "No name"}</h1>
                <p className="mt-1 text-sm text-slate-500">
                  <span className={contact.phone ? "tabular-nums" : undefined}>{contactLabel(contact)}</span> · added <RelativeTime iso={contact.createdAt} now={now} />
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <ExitAutomationsButton phone={contactKey(contact)} label={contact.name || contactLabel(contact)} activeRuns={contact.runs.length} onDone={reload} />
                <DeleteContactButton phone={contactKey(contact)} label={contact.name || contactLabel(contact)} activeRuns={contact.runs.length} />
              </div>
            </div>
            <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
              <ContactNameForm key={contact.name ?? ""} contact={contact} onSaved={accept} />
            </div>
            <div className="grid gap-5 lg:grid-cols-2">
              <div className="space-y-5">
                <ContactFields contact={contact} onSaved={accept} />
                <ContactTags contact={contact} onSaved={accept} />
                <ContactActiveRuns runs={contact.runs} />
              </div>
              <ContactConversation contactKey={contactKey(contact)} now={now} />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** "Nobody with the phone +39…", "Nobody known as WhatsApp user US.1…". */
function notFoundWho(key: string): string {
  const label = contactKeyLabel(key);
  return label === key ? `Nobody with the phone ${key}` : `Nobody known as ${label}`;
}
