"use client";

import { CloudOff, Contact as ContactIcon, SearchX } from "lucide-react";
import { LoadMoreFooter } from "@/components/runs/load-more-footer";
import { StateMessage } from "@/components/runs/state-message";
import { useServerNow } from "@/components/runs/use-server-now";
import { ContactsFilters } from "./contacts-filters";
import { ContactsTable } from "./contacts-table";
import { contactsQuery, useContactFilters } from "./use-contact-filters";
import { useContactPages } from "./use-contact-pages";
import { useDraftFilters } from "./use-draft-filters";

const PAGE_SIZE = 50;

/** Contacts, newest first: searchable, filtered by tag (both in the URL), paged with "Load more". */
export function ContactsPage() {
  const { filters, setFilters, active } = useContactFilters();
  const { draft, setDraft } = useDraftFilters(filters, setFilters);
  const pages = useContactPages(contactsQuery(filters, PAGE_SIZE));
  const now = useServerNow(0, 30_000);
  const count = pages.contacts?.length ?? 0;

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-7xl px-6 py-6">
        <div className="mb-5">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Contacts</h1>
          <p className="mt-1 text-sm text-slate-500">Everyone your automations have talked to, with their fields and tags.</p>
        </div>
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="border-b border-slate-200 px-4 py-3">
            <ContactsFilters draft={draft} onChange={setDraft} />
          </div>
          {pages.error ? (
            <StateMessage icon={CloudOff} title="Couldn't load contacts" tone="error">
              {pages.error}. {active ? "Check the search and tag." : "Reload the page to try again."}
            </StateMessage>
          ) : pages.contacts === null ? (
            <p className="px-4 py-10 text-center text-sm text-slate-400">Loading contacts…</p>
          ) : count === 0 ? (
            active ? (
              <StateMessage icon={SearchX} title="No contacts match">
                Try another search or tag, or{" "}
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setDraft({ search: "", tag: "" })}>
                  clear the filters
                </button>
                .
              </StateMessage>
            ) : (
              <StateMessage icon={ContactIcon} title="No contacts yet">
                Contacts appear here when they write in or enter an automation.
              </StateMessage>
            )
          ) : (
            <>
              <div className="overflow-x-auto">
                <ContactsTable contacts={pages.contacts} now={now} />
              </div>
              <LoadMoreFooter
                hasMore={pages.hasMore}
                loading={pages.loadingMore}
                error={pages.loadMoreError}
                onLoadMore={() => void pages.loadMore()}
                endText={`No more contacts: ${count === 1 ? "this is the only one" : `all ${count} are shown`}.`}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
