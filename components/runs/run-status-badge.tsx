import { Ban, CircleCheck, CircleX, Hourglass, Loader } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import clsx from "clsx";
import type { RunStatus } from "./run-schemas";

const look: Record<RunStatus, { icon: LucideIcon; className: string; iconClassName?: string }> = {
  running: {
    icon: Loader,
    className: "bg-sky-50 text-sky-700 ring-sky-600/20",
    iconClassName: "animate-spin [animation-duration:2s]",
  },
  waiting: { icon: Hourglass, className: "bg-amber-50 text-amber-800 ring-amber-600/25" },
  completed: { icon: CircleCheck, className: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  failed: { icon: CircleX, className: "bg-red-50 text-red-700 ring-red-600/20" },
  cancelled: { icon: Ban, className: "bg-slate-100 text-slate-600 ring-slate-500/20" },
};

/** The run status as a pill; its text is the plain status word, which tests and people read. */
export function RunStatusBadge({ status, size = "sm" }: { status: RunStatus; size?: "sm" | "md" }) {
  const { icon: Icon, className, iconClassName } = look[status];
  return (
    <span
      data-testid="run-status"
      className={clsx(
        "inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap ring-1 ring-inset",
        size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-1 text-sm",
        className,
      )}
    >
      <Icon aria-hidden className={clsx(size === "sm" ? "size-3" : "size-3.5", iconClassName)} />
      {status}
    </span>
  );
}
