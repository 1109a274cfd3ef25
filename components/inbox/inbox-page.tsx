"use client";

import clsx from "clsx";
import { CloudOff, Inbox, MessagesSquare, UserRound } from "lucide-react";
import { useCallback } from "react";
import { canDo, useMe } from "@/components/account/use-me";
import { useUrlFilters } from "@/components/hooks/use-url-filters";
import { LiveIndicator } from "@/components/runs/live-indicator";
import { StateMessage } from "@/components/runs/state-message";
import { useServerNow } from "@/components/runs/use-server-now";
import { Button } from "@/components/ui/button";
import { ConversationList } from "./conversation-list";
import { ConversationPane } from "./conversation-pane";
import { useConversations } from "./use-conversations";

const URL_KEYS = ["status", "mine", "c"] as const;

/**
 * The inbox: conversations Handoff steps opened, on the left (Open/Closed, Mine), the selected
 * one on the right with its transcript and the reply box. The view lives in the URL (`?c=` the
 * conversation), so a link to a conversation can be shared.
 */
export function InboxPage() {
  const { filters, setFilters } = useUrlFilters(URL_KEYS);
  const status = filters.status === "closed" ? "closed" : "open";
  const mine = filters.mine === "true";
  const list = useConversations({ status, mine });
  const { me } = useMe();
  const meId = me?.actor.type === "user" ? me.actor.id : null;
  const canWrite = canDo(me, "inbox:write");
  const now = useServerNow(0, 30_000);
  const conversations = list.data?.conversations ?? null;
  const selectedId = filters.c || null;
  const selected = conversations?.find((c) => c.id === selectedId) ?? null;
  const { refresh } = list;
  const onChanged = useCallback(() => refresh(), [refresh]);

  return (
    <div className="flex min-h-0 flex-1">
      <aside className="flex w-80 shrink-0 flex-col border-r border-slate-200 bg-white lg:w-96">
        <div className="space-y-3 border-b border-slate-200 px-4 py-3">
          <div className="flex items-center justify-between gap-2">
            <h1 className="text-lg font-semibold tracking-tight text-slate-900">Inbox</h1>
            <LiveIndicator updatedAt={list.updatedAt} error={list.error} paused={list.paused} />
          </div>
          <div className="flex items-center justify-between gap-2">
            <div role="tablist" aria-label="Conversation status" className="inline-flex rounded-md bg-slate-100 p-0.5">
              {(["open", "closed"] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  role="tab"
                  aria-selected={status === value}
                  onClick={() => setFilters({ status: value === "open" ? "" : value, c: "" })}
                  className={clsx("rounded px-3 py-1 text-sm font-medium", status === value ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900")}
                >
                  {value === "open" ? "Open" : "Closed"}
                </button>
              ))}
            </div>
            <Button
              size="sm"
              variant={mine ? "primary" : "secondary"}
              aria-pressed={mine}
              disabled={meId === null}
              title="Only the conversations assigned to you"
              onClick={() => setFilters({ mine: mine ? "" : "true" })}
            >
              <UserRound aria-hidden className="size-3.5" />
              Mine
            </Button>
          </div>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {conversations === null ? (
            list.error ? (
              <StateMessage icon={CloudOff} title="Couldn't load the inbox" tone="error">
                {list.error}
              </StateMessage>
            ) : (
              <p className="py-10 text-center text-sm text-slate-400">Loading conversations…</p>
            )
          ) : conversations.length === 0 ? (
            <StateMessage icon={Inbox} title={status === "open" ? "Nothing waiting for a person" : "No closed conversations"}>
              {status === "open" ? "A Handoff step in an automation opens a conversation here." : "Closed conversations are kept here."}
            </StateMessage>
          ) : (
            <>
              <ConversationList conversations={conversations} selectedId={selectedId} now={now} onSelect={(id) => setFilters({ c: id })} />
              {list.data?.nextCursor && (
                <div className="px-4 py-3 text-center">
                  <Button size="sm" variant="ghost" onClick={list.loadMore}>
                    Load more
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col bg-white">
        {selectedId ? (
          <ConversationPane key={selectedId} id={selectedId} contactId={selected?.contact.id ?? null} meId={meId} canWrite={canWrite} now={now} onChanged={onChanged} />
        ) : (
          <StateMessage icon={MessagesSquare} title="Pick a conversation">
            Its messages and the reply box show here.
          </StateMessage>
        )}
      </div>
    </div>
  );
}
