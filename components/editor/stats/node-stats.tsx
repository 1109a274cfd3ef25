"use client";

import Link from "next/link";
import { memo } from "react";
import { Countdown } from "@/components/runs/countdown";
import type { WaitKind } from "@/components/runs/wait-words";
import type { NodeType } from "@/lib/flow/graph";
import { runsAtNodeHref } from "./runs-link";
import { useStats } from "./stats-context";
import type { WaitStats } from "./stats-schema";
import { formatRate, formatSeconds } from "./format-seconds";
import { useNow } from "./use-now";

/** What a timer at each kind of waiting step means, in the run views' words. */
const waitKinds: Partial<Record<NodeType, WaitKind>> = { customerResponse: "reply", delay: "delay", webhook: "retry" };

const linkClass =
  "nodrag nopan rounded-full bg-white px-2 py-0.5 font-medium text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-brand-50 hover:text-brand-700 hover:ring-brand-200";

/**
 * The overlay's strip on a node card: how many are here now (with the soonest timeout), how many
 * entered, and for a Customer Response the reply rate and median time to reply. Memoized on
 * (nodeId, type) and reading the stats store alone, so a drag or a keystroke never reaches it and
 * a poll re-renders only the cards whose numbers moved (see share-unchanged.ts). Nothing for a
 * step the shown version does not have.
 */
export const NodeStats = memo(function NodeStats({ nodeId, type }: { nodeId: string; type: NodeType }) {
  const counts = useStats((s) => (s.on ? s.stats?.nodes[nodeId] : undefined));
  const wait = useStats((s) => (s.on && type === "customerResponse" ? s.stats?.waits[nodeId] : undefined));
  const automationId = useStats((s) => s.automationId);
  const version = useStats((s) => s.stats?.version);
  if (!counts || version === undefined) return null;

  return (
    <div data-testid="node-stats" className="space-y-1 border-t border-slate-100 bg-slate-50 px-3 py-2 text-[11px] text-slate-600 last:rounded-b-xl">
      <div className="flex flex-wrap items-center gap-1.5">
        <Link href={runsAtNodeHref(automationId, version, nodeId, "waiting")} className={linkClass} title="Open the runs here now">
          {counts.active} here
        </Link>
        <span className="px-1" title="Runs of this version that reached this step">
          {counts.entered} entered
        </span>
        {counts.active > 0 && counts.soonestTimeoutAt ? <SoonestTimeout at={counts.soonestTimeoutAt} kind={waitKinds[type] ?? "reply"} /> : null}
      </div>
      {wait ? <ReplyFigures wait={wait} /> : null}
    </div>
  );
});

/** Its own component: the one-second tick re-renders this line, not the card. */
function SoonestTimeout({ at, kind }: { at: string; kind: WaitKind }) {
  const now = useNow();
  return (
    <span data-testid="node-stats-timeout">
      <Countdown timeoutAt={at} now={now} kind={kind} />
    </span>
  );
}

function ReplyFigures({ wait }: { wait: WaitStats }) {
  const median = wait.timeToReply.p50Seconds;
  return (
    <p data-testid="node-stats-replies" className="flex flex-wrap gap-x-2">
      <span title={`${wait.replied} replied, ${wait.noResponse} timed out, ${wait.pending} still waiting`}>
        {wait.replyRate === null ? "No outcomes yet" : `${formatRate(wait.replyRate)} replied`}
      </span>
      {median === null ? null : <span>median reply {formatSeconds(median)}</span>}
    </p>
  );
}
