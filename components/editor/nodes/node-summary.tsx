import { clsx } from "clsx";
import { CircleAlert, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/**
 * The line under a node's title saying what it does, in words. When the config is not usable
 * yet, `missing` says what to fill in, in red, instead.
 */
export function NodeSummary({
  icon: Icon,
  iconClass,
  missing,
  children,
}: {
  icon?: LucideIcon;
  iconClass?: string;
  missing?: string | null;
  children?: ReactNode;
}) {
  return (
    <div className="flex items-start gap-1.5 px-3 pb-2.5 text-sm leading-snug text-slate-700">
      {missing ? (
        <>
          <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0 text-red-500" />
          <span className="text-red-600">{missing}</span>
        </>
      ) : (
        <>
          {Icon ? <Icon aria-hidden className={clsx("mt-0.5 size-3.5 shrink-0", iconClass)} /> : null}
          <span className="line-clamp-3 min-w-0 break-words">{children}</span>
        </>
      )}
    </div>
  );
}

/** Where a failed parse's first issue is (`["rules", 1, "value"]`). */
export const firstIssuePath = (error: { issues: readonly { path: readonly PropertyKey[] }[] }): readonly PropertyKey[] =>
  error.issues[0]?.path ?? [];

/** A node's summary: its words, or what is missing before it can run. */
export type Words = { text: string } | { missing: string };

export function SummaryLine({ words, icon, iconClass }: { words: Words; icon?: LucideIcon; iconClass?: string }) {
  return (
    <NodeSummary icon={icon} iconClass={iconClass} missing={"missing" in words ? words.missing : null}>
      {"text" in words ? words.text : null}
    </NodeSummary>
  );
}
