"use client";

import { useSyncExternalStore } from "react";
import { liveStatus, onLiveStatus, type LiveStatus } from "./live-events";

/** The tab's stream state, for the "Live" / "Polling" indicator. */
export const useLiveStatus = (): LiveStatus => useSyncExternalStore(onLiveStatus, liveStatus, () => "connecting");
