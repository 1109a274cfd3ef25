import { Flag, Hourglass, type LucideIcon, MessageSquareText, Zap } from "lucide-react";
import type { NodeType } from "@/lib/flow/graph";

type Appearance = {
  icon: LucideIcon;
  /** Icon tile on nodes and palette entries. */
  tile: string;
  /** Thin accent bar on top of the node card. */
  accent: string;
};

/** Colour-codes node types consistently on the canvas and in the palette. */
export const nodeAppearance: Record<NodeType, Appearance> = {
  trigger: { icon: Zap, tile: "bg-brand-100 text-brand-700", accent: "bg-brand-500" },
  sendMessage: { icon: MessageSquareText, tile: "bg-sky-100 text-sky-700", accent: "bg-sky-500" },
  customerResponse: { icon: Hourglass, tile: "bg-violet-100 text-violet-700", accent: "bg-violet-500" },
  end: { icon: Flag, tile: "bg-slate-200 text-slate-700", accent: "bg-slate-400" },
};

/** Edge colours by output handle, so the Replied and No response paths read at a glance. */
export const handleColor: Record<string, string> = {
  default: "#64748b",
  replied: "#10b981",
  noResponse: "#f59e0b",
};
