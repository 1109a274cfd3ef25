import { clsx } from "clsx";
import type { ComponentProps } from "react";

export const fieldClass = clsx(
  "w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400",
  "focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none",
  "aria-invalid:border-red-400 aria-invalid:focus:ring-red-500/20 disabled:bg-slate-50 disabled:text-slate-500",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={clsx(fieldClass, "h-9", className)} {...props} />;
}
