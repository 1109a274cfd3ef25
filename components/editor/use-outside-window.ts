"use client";

import { textOutsideWindow } from "@/lib/flow/session-window";
import { useEditor } from "./editor-store-context";
import { toGraph } from "./flow-graph";

/** Whether some path reaches this free-text message outside WhatsApp's 24-hour window. */
export const useOutsideWindow = (nodeId: string): boolean =>
  useEditor((s) => textOutsideWindow(toGraph(s.nodes, s.edges)).has(nodeId));

export const OUTSIDE_WINDOW_HINT =
  "A path can reach this text when the contact has not written in the last 24 hours: WhatsApp then only allows an approved template.";
