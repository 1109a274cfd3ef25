import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type Props = { icon: LucideIcon; title: string; children?: ReactNode; tone?: "neutral" | "error" };

/** A centred empty or error state: icon, title, a line of help and an optional action. */
export function StateMessage({ icon: Icon, title, children, tone = "neutral" }: Props) {
  return (
    <div role={tone === "error" ? "alert" : undefined} className="flex flex-col items-center px-6 py-14 text-center">
      <span
        className={`mb-3 flex size-10 items-center justify-center rounded-full ${tone === "error" ? "bg-red-50 text-red-600" : "bg-slate-100 text-slate-500"}`}
      >
        <Icon aria-hidden className="size-5" />
      </span>
      <p className="font-medium text-slate-900">{title}</p>
      {children && <div className="mt-1 max-w-sm text-sm text-slate-500">{children}</div>}
    </div>
  );
}
