"use client";

import { CloudOff, ScrollText, ShieldAlert } from "lucide-react";
import { useEffect, useState } from "react";
import { RequestError, requestJson } from "@/components/account/request-json";
import { formatDateTime, formatRelative } from "@/components/runs/format-time";
import { errorMessage } from "@/components/runs/fetch-json";
import { LoadMoreFooter } from "@/components/runs/load-more-footer";
import { StateMessage } from "@/components/runs/state-message";
import { membersSchema } from "@/components/settings/account-schemas";
import { AuditTarget } from "./audit-target";
import { actionWords, actorWords, detailWords } from "./audit-words";
import { useAuditPages } from "./use-audit-pages";

const columns = ["When", "Who", "Action", "Target", "Details"];

/** The workspace's audit log (admins): who did what, to what, when; newest first. */
export function AuditPage() {
  const { events, nextCursor, loading, loadingMore, error, moreError, loadMore } = useAuditPages();
  const memberEmails = useMemberEmails(!loading && !error);
  const [now] = useState(() => Date.now());

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-6xl px-6 py-6">
        <div className="mb-5">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Audit log</h1>
          <p className="mt-1 text-sm text-slate-500">Who published, cancelled, invited, changed roles, made or revoked keys in this workspace, and when.</p>
        </div>
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          {loading ? (
            <p className="py-10 text-center text-sm text-slate-400">Loading the audit log…</p>
          ) : error ? (
            <FirstPageError error={error} />
          ) : events.length === 0 ? (
            <StateMessage icon={ScrollText} title="Nothing recorded yet">
              Publishing an automation, cancelling a run, inviting someone or making an API key shows up here.
            </StateMessage>
          ) : (
            <>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                      {columns.map((column) => (
                        <th key={column} scope="col" className="bg-slate-50/80 px-3 py-2 font-medium first:pl-4 last:pr-4">
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {events.map((event) => (
                      <tr key={event.id} data-testid="audit-row" className="align-top">
                        <td className="py-2.5 pr-3 pl-4 whitespace-nowrap text-slate-500" title={formatDateTime(event.at)}>
                          <time dateTime={event.at}>{formatRelative(event.at, now)}</time>
                        </td>
                        <td className="max-w-56 truncate px-3 py-2.5 text-slate-900" title={event.actorLabel ?? undefined}>
                          {actorWords(event.actorType, event.actorLabel)}
                        </td>
                        <td className="px-3 py-2.5 font-medium text-slate-900">{actionWords(event.action)}</td>
                        <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">
                          <AuditTarget event={event} memberEmails={memberEmails} />
                        </td>
                        <td className="px-3 py-2.5 pr-4 break-words text-slate-500">{detailWords(event.action, event.details)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMoreFooter
                hasMore={nextCursor !== null}
                loading={loadingMore}
                error={moreError ? errorMessage(moreError) : null}
                onLoadMore={() => void loadMore()}
                endText={`That's all: ${events.length} event${events.length === 1 ? "" : "s"}.`}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function FirstPageError({ error }: { error: unknown }) {
  const status = error instanceof RequestError ? error.status : null;
  if (status === 403) {
    return (
      <StateMessage icon={ShieldAlert} title="Only admins can see the audit log" tone="error">
        Ask an admin of this workspace if you need to know who did what.
      </StateMessage>
    );
  }
  if (status === 401) {
    return (
      <StateMessage icon={ShieldAlert} title="Sign in to see the audit log" tone="error">
        Your session has ended.
      </StateMessage>
    );
  }
  return (
    <StateMessage icon={CloudOff} title="Couldn't load the audit log" tone="error">
      {errorMessage(error)}. Reload the page to try again.
    </StateMessage>
  );
}

/** userId → email of the current members, so role changes and removals name the person. */
function useMemberEmails(enabled: boolean): Map<string, string> {
  const [emails, setEmails] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    requestJson("/api/members", membersSchema, { signal: controller.signal }).then(
      ({ members }) => setEmails(new Map(members.map((member) => [member.userId, member.email]))),
      () => {}, // Only a nicety: the ids stay.
    );
    return () => controller.abort();
  }, [enabled]);
  return emails;
}
