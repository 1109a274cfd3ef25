import {
  AlarmClock,
  CirclePlay,
  Flag,
  Hourglass,
  Headset,
  LogOut,
  type LucideIcon,
  MessageSquareText,
  PencilLine,
  Signpost,
  Split,
  Tag,
  Webhook,
  Zap,
} from "lucide-react";
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
  condition: { icon: Split, tile: "bg-amber-100 text-amber-700", accent: "bg-amber-500" },
  branch: { icon: Signpost, tile: "bg-orange-100 text-orange-700", accent: "bg-orange-500" },
  delay: { icon: AlarmClock, tile: "bg-yellow-100 text-yellow-700", accent: "bg-yellow-400" },
  tag: { icon: Tag, tile: "bg-pink-100 text-pink-700", accent: "bg-pink-500" },
  setField: { icon: PencilLine, tile: "bg-teal-100 text-teal-700", accent: "bg-teal-500" },
  webhook: { icon: Webhook, tile: "bg-indigo-100 text-indigo-700", accent: "bg-indigo-500" },
  startAutomation: { icon: CirclePlay, tile: "bg-cyan-100 text-cyan-700", accent: "bg-cyan-500" },
  exitAutomations: { icon: LogOut, tile: "bg-rose-100 text-rose-700", accent: "bg-rose-500" },
  handoff: { icon: Headset, tile: "bg-emerald-100 text-emerald-700", accent: "bg-emerald-500" },
  end: { icon: Flag, tile: "bg-slate-200 text-slate-700", accent: "bg-slate-400" },
};

/**
 * Edge and handle colours by output handle, so paths read at a glance. Route and case handles
 * (named by the marketer) take the default colour.
 */
export const handleColor: Record<string, string> = {
  default: "#64748b",
  replied: "#10b981",
  noResponse: "#f59e0b",
  true: "#16a34a",
  false: "#e11d48",
  else: "#94a3b8",
  success: "#0d9488",
  failure: "#ea580c",
  deliveryFailed: "#be123c",
};
