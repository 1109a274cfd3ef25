"use client";

import { useEditor } from "./editor-store-context";

/**
 * Whether some path reaches this free-text message outside WhatsApp's 24-hour window. Read from
 * the store's analysis (worked out once per graph change), never by walking the graph here.
 */
export const useOutsideWindow = (nodeId: string): boolean => useEditor((s) => s.analysis.outsideWindow.has(nodeId));

export const OUTSIDE_WINDOW_HINT =
  "A path can reach this text when the contact has not written in the last 24 hours: WhatsApp then only allows an approved template.";
