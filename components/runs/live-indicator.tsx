"use client";

import clsx from "clsx";
import { useLiveStatus } from "@/components/live/use-live-status";
import { formatRelative } from "./format-time";
import { useServerNow } from "./use-server-now";

type Props = { updatedAt: number | null; error: string | null; paused: boolean; live?: boolean };

const streamWords = { live: "Live", polling: "Polling", connecting: "Connecting" } as const;

/**
 * A quiet "Live · updated 2s ago" dot: "Live" while the server's change stream is open,
 * "Polling" when it failed and the page asks on a timer; says so when paused or unreachable.
 */
export function LiveIndicator({ updatedAt, error, paused, live = true }: Props) {
  const now = useServerNow(0);
  const stream = useLiveStatus();
  const ago = updatedAt !== null && now !== null ? formatRelative(new Date(updatedAt).toISOString(), now) : null;
  const updated = ago ? `updated ${ago}` : "connecting…";
  const streaming = stream === "live";

  const [dot, text] = error
    ? ["bg-red-500", `Update failed${live ? ", retrying" : ""}${ago ? ` · last update ${ago}` : ""}`]
    : paused
      ? ["bg-slate-300", `Paused while the tab is hidden · ${updated}`]
      : live
        ? [streaming ? "bg-emerald-500" : "bg-amber-400", `${streamWords[stream]} · ${updated}`]
        : ["bg-slate-300", `Final · ${updated}`];

  return (
    <span
      data-testid="live-indicator"
      data-stream={stream}
      title={error ?? (live && !streaming ? "The live stream is not connected: this page checks for changes every few seconds" : undefined)}
      className={clsx("inline-flex items-center gap-2 text-xs", error ? "text-red-600" : "text-slate-500")}
    >
      <span className="relative flex size-2">
        {live && streaming && !error && !paused && (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 [animation-duration:2s]" />
        )}
        <span className={clsx("relative inline-flex size-2 rounded-full", dot)} />
      </span>
      {text}
    </span>
  );
}
